def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
assert checks.failure() == "Incomplete settings.xml <server>: '127.0.0.1:5443' has a <username> but no <password>; add the <password> (mvn --encrypt-password encrypts a password), or remove the <server> to use the next source of credentials"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
assert checks.tlsTags('127.0.0.1:5443', 'it-bad-settings-incomplete/bad-settings-incomplete').isEmpty() : 'no tag moved'
return true
