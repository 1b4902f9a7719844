def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert checks.failure() == "Cannot decrypt the password of settings.xml <server>: '127.0.0.1:5443' (FileNotFoundException: no-such-settings-security.xml (No such file or directory)); check the master password in ~/.m2/settings-security.xml (or -Dsettings.security) and re-encrypt the password with mvn --encrypt-password".toString()
return true
