// A base image whose config names a shell (SHELL in the Dockerfile that built it), pushed and then
// removed from the engine: a stage on it runs its RUN heredocs with that shell, as BuildKit does.
def docker(List<String> args, String input = null, boolean mustWork = true) {
  Process p = (['docker'] + args).execute()
  if (input != null) {
    p.outputStream.withWriter { it << input }
  }
  StringBuffer out = new StringBuffer(), err = new StringBuffer()
  p.waitForProcessOutput(out, err)
  assert !mustWork || p.exitValue() == 0 : "docker ${args.join(' ')}: ${out}${err}"
}
def shellBase = '127.0.0.1:5000/it-heredoc/shell-base:1'
docker(['build', '-t', shellBase, '-'],
       'FROM 127.0.0.1:5000/base/java17:latest\nSHELL ["/bin/env", "RUN_BY=the-base-shell", "/bin/sh", "-c"]\n')
docker(['push', shellBase])
docker(['rmi', shellBase])
return true
