-- tests/load/request.lua — the request wrk sends for tests/load/wrk.sh, from the environment:
-- WRK_METHOD (GET), WRK_BODY (JSON, for methods with a body; default {}), WRK_TOKEN (an API token key).
local method = os.getenv("WRK_METHOD") or "GET"
local body = os.getenv("WRK_BODY")
local token = os.getenv("WRK_TOKEN")

wrk.method = method
wrk.headers["Accept"] = "application/json"
if token ~= nil and token ~= "" then
    wrk.headers["Authorization"] = "Token " .. token
end
if method ~= "GET" and method ~= "HEAD" and method ~= "DELETE" then
    wrk.body = (body ~= nil and body ~= "") and body or "{}"
    wrk.headers["Content-Type"] = "application/json"
end
