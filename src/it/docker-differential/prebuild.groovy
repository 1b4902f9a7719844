// Lays out the parts of the corpus a Git checkout cannot hold (see context.sh).
def p = ['bash', new File(basedir, 'context.sh').path].execute()
def out = new StringBuffer(), err = new StringBuffer()
p.waitForProcessOutput(out, err)
assert p.exitValue() == 0 : "context.sh failed: ${out}${err}"
return true
