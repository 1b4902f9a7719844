def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
checks.ownNamespace('it-compose-tpl')
return true
