// Validates each OpenAPI / Swagger file named on the command line with @apidevtools/swagger-parser
// (an implementation independent of Gatewright). Prints "OK file" or "INVALID file: reason";
// exits 1 if any file is invalid.
"use strict";
const SwaggerParser = require("@apidevtools/swagger-parser");

(async () => {
  let failed = 0;
  for (const file of process.argv.slice(2)) {
    try {
      await SwaggerParser.validate(file);
      console.log(`OK ${file}`);
    } catch (e) {
      failed++;
      console.log(`INVALID ${file}: ${e.message}`);
    }
  }
  process.exit(failed ? 1 : 0);
})();
