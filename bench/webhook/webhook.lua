-- Replays pre-signed webhook requests (written by SignedRequests.java); each wrk thread takes
-- its own stride of the file so message ids stay unique across threads.
-- Env: QABOT_REQUESTS the file; QABOT_THREADS and QABOT_CONNECTIONS as given to wrk;
-- QABOT_RATE total requests/s to aim at (0 or unset: as fast as possible).
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  local threads = tonumber(os.getenv("QABOT_THREADS"))
  requests = {}
  local n = 0
  for line in io.lines(os.getenv("QABOT_REQUESTS")) do
    if n % threads == id then
      local ts, sig, body = line:match("^(%d+)\t([^\t]+)\t(.*)$")
      requests[#requests + 1] = wrk.format("POST", "/hooks/webhook", {
        ["Content-Type"] = "application/json",
        ["X-Qabot-Timestamp"] = ts,
        ["X-Qabot-Signature"] = sig,
      }, body)
    end
    n = n + 1
  end
  next_request = 1
  local rate = tonumber(os.getenv("QABOT_RATE") or "0")
  if rate > 0 then
    -- wrk has no -R: each connection waits this long before its next request, so that
    -- connections * 1000 / pause = rate (a little less, since the response time adds to it)
    pause_ms = tonumber(os.getenv("QABOT_CONNECTIONS")) * 1000 / rate
  end
end

function request()
  local r = requests[next_request]
  next_request = next_request + 1
  if next_request > #requests then next_request = 1 end
  return r
end

function delay()
  return pause_ms or 0
end

function done(summary, latency, reqs)
  local e = summary.errors
  io.write(string.format("errors: non-2xx %d, connect %d, read %d, write %d, timeout %d\n",
    e.status, e.connect, e.read, e.write, e.timeout))
end
