-- tests/load/request.lua — the request wrk sends for tests/load/wrk.sh, from the environment:
-- WRK_METHOD (GET), WRK_BODY (JSON, for methods with a body; default {}), WRK_TOKEN (an API token key),
-- WRK_ORIGIN (an Origin header, as a browser on another origin sends it: the CORS answer is built too).
local method = os.getenv("WRK_METHOD") or "GET"
local body = os.getenv("WRK_BODY")
local token = os.getenv("WRK_TOKEN")
local origin = os.getenv("WRK_ORIGIN")

wrk.method = method
wrk.headers["Accept"] = "application/json"
if token ~= nil and token ~= "" then
    wrk.headers["Authorization"] = "Token " .. token
end
if origin ~= nil and origin ~= "" then
    wrk.headers["Origin"] = origin
end
if method ~= "GET" and method ~= "HEAD" and method ~= "DELETE" then
    wrk.body = (body ~= nil and body ~= "") and body or "{}"
    wrk.headers["Content-Type"] = "application/json"
end
