def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
File module = basedir.canonicalFile
File out = new File(module.parentFile, 'bad-build-directory-outside-out')
assert checks.failure() == "The build directory ${out} (<build><directory> of pom.xml) is outside the module folder ${module}: the image is built from the module folder, Docker's build context, and nothing outside it can be copied into the image; keep <build><directory> inside the module (Maven's default is \${project.basedir}/target), or set <skip>true</skip> for this module".toString()
assert !new File(out, 'dockyard').exists() : 'nothing laid out outside the module'
return true
