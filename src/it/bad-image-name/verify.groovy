def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert checks.failure() == "Invalid image repository: 'Order_Service' at <repository> / -Ddockyard.repository; repository names are lowercase letters, digits and separators . _ __ -, and must start and end with a letter or digit; try 'order_service'"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
