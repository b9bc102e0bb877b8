export const RUN_HELP = `rolecall run PATH: run a collection's requests in order, with their checks, as the app's runner does.

PATH is a collection folder (the folder the app opens, holding collections/ and environments/; or one collection's
directory inside collections/) or a collection file (a RoleCall export, a Postman v2.0/v2.1 collection).

  --env NAME|FILE           an environment of the folder (environments/NAME.environment.yaml) or a Postman
                            environment file
  --var NAME=VALUE          set a variable for this run (repeatable); wins over the environment
  --folder NAME             run only this folder (a name or a path such as orders/admin; repeatable)
  --iterations N            run the whole selection N times (default 1)
  --delay MS                wait MS milliseconds between requests
  --bail                    stop at the first request that fails
  --timeout-request MS      each request's timeout (default 30000)
  --reporter LIST           cli, json, junit, html, comma-separated (default cli)
  --reporter-junit-export FILE   --reporter-json-export FILE   --reporter-html-export FILE
                            where a report is written; a json, junit or html reporter without one writes to
                            stdout (then the cli reporter writes to stderr)
  --profile P               sign every request with profile P as its base identity (roles the requests assume
                            are kept)
  --assume-role ARN         sign every signed request as this role, on top of --profile or the environment
  --insecure-http           allow signed requests over plain http to hosts other than this machine
  --no-interactive          never prompt (also when stdin is not a terminal, or CI=true): a request that needs
                            an MFA code fails, and the run exits 3

Credentials: --profile, else environment keys, else web identity (AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE, as
GitHub Actions' OIDC provides), else each request's own profile. A profile the AWS config files do not define
falls back to the environment's credentials when there are some (said once on stderr).
Secret variables are saved without a value: give them with --var NAME=VALUE or ROLECALL_VAR_NAME in the
environment; a request that uses one without a value fails by name.

Exit codes: 0 every request answered and every check passed, 1 a check or a request failed, 2 bad usage (or a
collection that cannot be read), 3 credentials could not be obtained (missing, refused, or an MFA code needed
without a terminal).`;
