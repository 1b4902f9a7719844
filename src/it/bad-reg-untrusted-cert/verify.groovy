def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert checks.failure() == "Registry certificate is not trusted: 'Failed to verify the server at https://127.0.0.2:5543/v2/ because only secure connections are allowed. (PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target)'; trust its CA (<caCertificates>/-Ddockyard.caCertificates or the JVM trust store), or list it in <insecureRegistries>/-Ddockyard.insecureRegistries to allow unverified TLS".toString()
assert !log.contains('Pushed ')
return true
