// The mirror's copy of eclipse-temurin:17 is the test base image, pushed through the plain
// registry that nginx (127.0.0.2:5543) fronts; the engine keeps no copy of it under any name.
def docker(List<String> args, boolean mustWork = true) {
  Process p = (['docker'] + args).execute()
  StringBuffer out = new StringBuffer(), err = new StringBuffer()
  p.waitForProcessOutput(out, err)
  assert !mustWork || p.exitValue() == 0 : "docker ${args.join(' ')}: ${out}${err}"
}
def mirrored = '127.0.0.1:5000/hub/library/eclipse-temurin:17'
docker(['pull', '127.0.0.1:5000/base/java17:latest'])
docker(['tag', '127.0.0.1:5000/base/java17:latest', mirrored])
docker(['push', mirrored])
docker(['rmi', mirrored])
docker(['rmi', 'eclipse-temurin:17'], false)
return true
