// The file tree and config of a local image, read the way the engine materializes it: a container
// is created (never started) and exported as tar; every entry is listed with its type, mode, owner,
// link target and content hash. Loaded with:
//   def files = evaluate(new File(basedir, "../../../src/it/lib/ImageFiles.groovy"))
import groovy.json.JsonSlurper
import java.security.MessageDigest

class ImageTrees {
  /** The docker client command: one that builds with BuildKit (buildx, or a client older than 23). */
  final List<String> client
  final Map<String, String> env

  ImageTrees() {
    env = new LinkedHashMap<>(System.getenv())
    env.DOCKER_BUILDKIT = '1'
    client = [findClient()]
  }

  private String findClient() {
    for (String candidate : ['docker', '/usr/bin/docker']) {
      if (exec([candidate, 'buildx', 'version'], false).exit == 0) return candidate
      Map version = exec([candidate, 'version', '--format', '{{.Client.Version}}'], false)
      if (version.exit == 0 && version.out.trim() ==~ /(1\d|2[0-2])\..*/) return candidate
    }
    throw new AssertionError('no docker client that builds with BuildKit: install docker-buildx,' +
        ' or keep the Debian docker.io client (20.10, BuildKit built in) at /usr/bin/docker')
  }

  Map exec(List<String> command, boolean check = true) {
    ProcessBuilder pb = new ProcessBuilder(command)
    pb.environment().putAll(env)
    Process p
    try {
      p = pb.start()
    } catch (IOException e) {
      if (check) throw e
      return [exit: -1, out: '', err: e.toString()]
    }
    StringBuffer out = new StringBuffer(), err = new StringBuffer()
    p.waitForProcessOutput(out, err)
    Map r = [exit: p.exitValue(), out: out.toString(), err: err.toString()]
    if (check) assert r.exit == 0 : "${command.join(' ')} exited ${r.exit}: ${r.out}${r.err}"
    return r
  }

  String docker(String... args) {
    return exec(client + (args as List)).out.trim()
  }

  /** Every entry of the image's file system: path -> [type, mode, uid, gid, link, sha256]. */
  Map<String, Map> tree(String image) {
    String container = docker('create', image, 'never-started')
    try {
      ProcessBuilder pb = new ProcessBuilder(client + ['export', container])
      pb.environment().putAll(env)
      pb.redirectError(ProcessBuilder.Redirect.INHERIT)
      Process p = pb.start()
      Map<String, Map> entries = TarListing.read(p.inputStream)
      assert p.waitFor() == 0 : "docker export of ${image} failed"
      return entries
    } finally {
      docker('rm', container)
    }
  }

  /** The image's config (`docker inspect` .Config). */
  Map config(String image) {
    return new JsonSlurper().parseText(docker('image', 'inspect', '--format', '{{json .Config}}', image)) as Map
  }
}

/** A streaming reader of tar (ustar, GNU and PAX headers), as `docker export` writes it. */
class TarListing {
  static Map<String, Map> read(InputStream raw) {
    DataInputStream input = new DataInputStream(new BufferedInputStream(raw, 1 << 16))
    Map<String, Map> entries = new TreeMap<>()
    byte[] header = new byte[512]
    Map<String, String> pax = [:]
    String longName = null, longLink = null
    while (true) {
      try {
        input.readFully(header)
      } catch (EOFException e) {
        break
      }
      if (zero(header)) break
      String name = text(header, 0, 100)
      if (text(header, 257, 5) == 'ustar') {
        String prefix = text(header, 345, 155)
        if (prefix) name = prefix + '/' + name
      }
      char type = (char) (header[156] ?: ('0' as char))
      long size = number(header, 124, 12)
      if (type in ['x', 'g', 'L', 'K'].collect { it as char }) {
        byte[] data = new byte[(int) size]
        input.readFully(data)
        skip(input, pad(size))
        String value = new String(data, 'UTF-8')
        if (type == ('x' as char)) pax = records(data)
        if (type == ('L' as char)) longName = value.replaceAll(/\u0000+$/, '')
        if (type == ('K' as char)) longLink = value.replaceAll(/\u0000+$/, '')
        continue
      }
      String link = text(header, 157, 100)
      long uid = number(header, 108, 8), gid = number(header, 116, 8)
      name = pax.path ?: longName ?: name
      link = pax.linkpath ?: longLink ?: link
      if (pax.uid) uid = pax.uid as long
      if (pax.gid) gid = pax.gid as long
      if (pax.size) size = pax.size as long
      pax = [:]; longName = null; longLink = null
      String hash = null
      if (type == ('0' as char) || type == ('7' as char)) {
        hash = sha256(input, size)
      } else {
        skip(input, size)
      }
      skip(input, pad(size))
      String path = '/' + name.replaceAll(/^(\.\/|\/)+/, '').replaceAll(/\/+$/, '')
      if (path == '/.' || path == '/') path = '/'
      entries[path] = [type: kind(type), mode: String.format('%04o', number(header, 100, 8) & 07777),
                       uid: uid, gid: gid, link: (type == ('1' as char) || type == ('2' as char)) ? link : null,
                       sha256: hash]
    }
    // the rest of the stream (end blocks), so the exporter is not stopped by a closed pipe
    while (input.read(header) >= 0) { }
    return entries
  }

  static String kind(char type) {
    switch (type) {
      case '0': case '7': return 'file'
      case '1': return 'hardlink'
      case '2': return 'symlink'
      case '5': return 'dir'
      case '3': return 'chardev'
      case '4': return 'blockdev'
      case '6': return 'fifo'
      default: return "type-${type}"
    }
  }

  static boolean zero(byte[] block) {
    for (byte b : block) if (b != 0) return false
    return true
  }

  static String text(byte[] header, int offset, int length) {
    int end = offset
    while (end < offset + length && header[end] != 0) end++
    return new String(header, offset, end - offset, 'UTF-8')
  }

  static long number(byte[] header, int offset, int length) {
    if ((header[offset] & 0x80) != 0) {
      // GNU base-256 for values that do not fit in octal
      long value = header[offset] & 0x7f
      for (int i = offset + 1; i < offset + length; i++) value = (value << 8) | (header[i] & 0xff)
      return value
    }
    String digits = text(header, offset, length).trim()
    return digits ? Long.parseLong(digits, 8) : 0
  }

  /** PAX records: "<length> <key>=<value>\n", the length counted in bytes. */
  static Map<String, String> records(byte[] data) {
    Map<String, String> values = [:]
    int at = 0
    while (at < data.length) {
      int space = at
      while (data[space] != (' ' as char)) space++
      int length = new String(data, at, space - at, 'US-ASCII') as int
      String record = new String(data, at, length, 'UTF-8')
      int equals = record.indexOf('=')
      values[record.substring(record.indexOf(' ') + 1, equals)] = record.substring(equals + 1, record.length() - 1)
      at += length
    }
    return values
  }

  static long pad(long size) {
    return (512 - size % 512) % 512
  }

  static void skip(DataInputStream input, long count) {
    byte[] buffer = new byte[8192]
    while (count > 0) {
      int n = input.read(buffer, 0, (int) Math.min(buffer.length, count))
      if (n < 0) throw new EOFException('tar stream ended inside an entry')
      count -= n
    }
  }

  static String sha256(DataInputStream input, long count) {
    MessageDigest digest = MessageDigest.getInstance('SHA-256')
    byte[] buffer = new byte[8192]
    while (count > 0) {
      int n = input.read(buffer, 0, (int) Math.min(buffer.length, count))
      if (n < 0) throw new EOFException('tar stream ended inside an entry')
      digest.update(buffer, 0, n)
      count -= n
    }
    return digest.digest().encodeHex().toString()
  }
}
return new ImageTrees()
