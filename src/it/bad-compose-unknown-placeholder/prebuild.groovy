def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
// A namespace of its own each run: the registry keeps what earlier runs pushed.
checks.ownNamespace('it-bad-compose')
return true
