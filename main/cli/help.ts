export const HELP = `rolecall: sign and send requests to AWS endpoints protected by IAM (SigV4), from your AWS profiles.

Usage:
  rolecall profiles [--json]
  rolecall whoami   [AUTH] [--json]
  rolecall sign URL [REQUEST] [AUTH] [SIGNING] [--json]
  rolecall send URL [REQUEST] [AUTH] [SIGNING] [-i] [-v] [-f] [--timeout S] [--json]
  rolecall import FILE [--out FILE] [--json]
  rolecall run PATH [--env NAME|FILE] [--var K=V] [--folder NAME] [--iterations N] [--bail] [--reporter LIST]
  rolecall ui [--port N] [--no-open] [--folder PATH]...
  rolecall login [--profile NAME] [--json]

Auth (credentials come from your profiles or the standard environment, never from the command line):
  --profile NAME          a profile from ~/.aws/config or ~/.aws/credentials (role chains, MFA, SSO,
                          credential_process all work); default: environment credentials, else AWS_PROFILE or "default"
  --assume-role ARN       assume this role on top of the profile or environment credentials
    --session-name S  --external-id X  --duration SECONDS  --mfa-serial ARN
    --sts-region REGION  --sts-endpoint URL   (AWS_ENDPOINT_URL_STS is honoured too)
  --mfa-code CODE         answer the MFA prompt up front (otherwise it is asked on the terminal)
  --no-sign               send without signing

Request:
  -X, --request METHOD    default GET, or POST when a body is given
  -H, --header "N: V"     repeatable; order and duplicates are kept
  -d, --data TEXT         request body
  --data-file PATH        request body from a file (bytes as they are)

Signing:
  --region R  --service S  detected from *.execute-api.*, Lambda URLs, OpenSearch and *.amazonaws.com hosts;
                           required for custom domains
  --unsigned-payload       sign UNSIGNED-PAYLOAD instead of the body hash
  --content-sha256         add x-amz-content-sha256 (on by default for s3 and aoss)
  --presign SECONDS        presigned URL (query-string signing) valid this long; sign prints the URL
  --date ISO-8601          fixed signing time, to reproduce a signature

Output:
  --json                   machine-readable output (sign: canonicalRequest, stringToSign, signedHeaders,
                           signature, headers, url)
  -i, --include            send: print the status line and headers before the body
  -v, --verbose            send: print what was signed, the timings and any clock offset on stderr
  -f, --fail               send: exit 22 when the HTTP status is 400 or more

Import:
  rolecall import FILE     says what importing FILE would bring in: a Postman collection (v2.0, v2.1) or
                           environment, a RoleCall collection file or a curl command; what was mapped, what was
                           not, and the warnings. Keys in the file are named by access key id, never printed.
  --out FILE               also write the imported collection as a RoleCall collection file (no keys)

Run:
  rolecall run PATH        runs a collection folder or file in order with its checks and captures, as the app's
                           runner does; JUnit, JSON and HTML reports; rolecall run --help lists its options

Login:
  rolecall login           signs an SSO profile (or the SSO profile its role chain starts from) in to IAM Identity
                           Center: prints the URL and the code to confirm in a browser, waits, and writes the token
                           to ~/.aws/sso/cache as \`aws sso login\` does, so both share it

UI:
  rolecall ui              the app in your browser, served on 127.0.0.1 (a free port, or --port N); prints the
                           URL (it holds a one-launch token: do not share it) and opens it unless --no-open.
                           Ctrl+C stops it. The workspace is kept in ~/.config/rolecall-browser (XDG_CONFIG_HOME;
                           ROLECALL_BROWSER_DATA_DIR overrides). Stored keys need the desktop app.
                           --folder PATH (repeatable) opens a collection folder: the browser cannot choose one.

Session tokens and secret keys are masked in everything rolecall prints, except a presigned URL you asked for.
Exit codes: 0 done, 1 failed (credentials, network, AWS), 2 bad usage, 22 HTTP error with --fail;
run: 0 all passed, 1 a check or request failed, 2 bad usage, 3 credentials error.`;
