// A fault-injecting TCP proxy for the invoker ITs, loopback only and bounded: it forwards
// 127.0.0.1:<listen> to 127.0.0.1:<target>, resets every `resetEvery`-th connection once some
// bytes went through (RST, as a flaky network or load balancer does), and delays every
// `delayEvery`-th one. It stops by itself after `lifetimeMillis`, on stop(), and, when told
// stopWhenExists(file), as soon as that file exists.
// Loaded with: def proxy = evaluate(new File(basedir, '../../../src/it/lib/FaultProxy.groovy'))
import java.util.concurrent.atomic.AtomicInteger

class FlakyTcpProxy {
  final int listen, target, resetEvery, delayEvery
  final long delayMillis, lifetimeMillis
  final AtomicInteger connections = new AtomicInteger(), resets = new AtomicInteger(), delays = new AtomicInteger()
  final List<Socket> open = Collections.synchronizedList([])
  ServerSocket server
  volatile boolean running
  File stopMarker

  FlakyTcpProxy(int listen, int target, int resetEvery, int delayEvery, long delayMillis, long lifetimeMillis) {
    this.listen = listen; this.target = target; this.resetEvery = resetEvery; this.delayEvery = delayEvery
    this.delayMillis = delayMillis; this.lifetimeMillis = lifetimeMillis
  }

  /** Stops the proxy, as a registry that goes down, as soon as this file exists. */
  FlakyTcpProxy stopWhenExists(File marker) {
    stopMarker = marker
    return this
  }

  FlakyTcpProxy start() {
    server = new ServerSocket(listen, 50, InetAddress.getByName('127.0.0.1'))
    running = true
    long deadline = System.currentTimeMillis() + lifetimeMillis
    if (stopMarker != null) {
      Thread.startDaemon("fault-proxy-${listen}-marker") {
        while (running && System.currentTimeMillis() < deadline && !stopMarker.exists()) { Thread.sleep(20) }
        stop()
      }
    }
    Thread.startDaemon("fault-proxy-${listen}") {
      server.soTimeout = 500
      while (running && System.currentTimeMillis() < deadline) {
        Socket client
        try { client = server.accept() } catch (SocketTimeoutException ignored) { continue } catch (IOException e) { break }
        int n = connections.incrementAndGet()
        open << client
        Thread.startDaemon("fault-proxy-${listen}-${n}") { serve(client, n) }
      }
      stop()
    }
    return this
  }

  private void serve(Socket client, int n) {
    Socket upstream = null
    try {
      if (delayEvery > 0 && n % delayEvery == 0) { delays.incrementAndGet(); Thread.sleep(delayMillis) }
      upstream = new Socket('127.0.0.1', target)
      open << upstream
      boolean reset = resetEvery > 0 && n % resetEvery == 0
      Socket up = upstream
      Thread.startDaemon { pump(client.inputStream, up.outputStream, -1, client, up) }
      // A reset connection forwards a little of the answer, then drops with RST mid-stream.
      pump(upstream.inputStream, client.outputStream, reset ? 64 : -1, client, up)
      if (reset) { resets.incrementAndGet(); client.setSoLinger(true, 0); client.close(); upstream.close() }
    } catch (IOException ignored) {
    } finally {
      try { client.close() } catch (IOException ignored) {}
      try { upstream?.close() } catch (IOException ignored) {}
    }
  }

  private static void pump(InputStream from, OutputStream to, long limit, Socket a, Socket b) {
    byte[] buffer = new byte[16384]
    long total = 0
    try {
      int read
      while ((read = from.read(buffer)) >= 0) {
        int chunk = limit >= 0 ? (int) Math.min(read, limit - total) : read
        to.write(buffer, 0, chunk); to.flush()
        total += chunk
        if (limit >= 0 && total >= limit) return
      }
      try { b.shutdownOutput() } catch (IOException ignored) {}
    } catch (IOException ignored) {}
  }

  void stop() {
    running = false
    try { server?.close() } catch (IOException ignored) {}
    open.each { try { it.close() } catch (IOException ignored) {} }
  }
}
return FlakyTcpProxy
