-- Replays pre-signed webhook requests (written by SignedRequests.java); each wrk thread takes
-- its own stride of the file so message ids stay unique across threads.
-- Env: QABOT_REQUESTS the file; QABOT_THREADS and QABOT_CONNECTIONS as given to wrk;
-- QABOT_RATE total requests/s to aim at (0 or unset: as fast as possible).
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", counter)
  thread:set("wrapped", 0)
  counter = counter + 1
  threads[#threads + 1] = thread
end

function init(args)
  local thread_count = tonumber(os.getenv("QABOT_THREADS"))
  requests = {}
  local n = 0
  for line in io.lines(os.getenv("QABOT_REQUESTS")) do
    if n % thread_count == id then
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
    -- wrk 4.1 has no -R: each connection waits pause_ms before its next request. It starts at
    -- connections * 1000 / rate, which would give the rate if responses took no time; once a
    -- second (the only wall clock Lua has here is os.time()) the pause is corrected by the rate
    -- this thread actually reached in the second before, so it settles on the asked-for rate.
    thread_rate = rate / thread_count
    pause_ms = tonumber(os.getenv("QABOT_CONNECTIONS")) * 1000 / rate
    second = os.time()
    sent_this_second = 0
  end
end

function request()
  local r = requests[next_request]
  next_request = next_request + 1
  if next_request > #requests then
    next_request = 1
    wrapped = 1 -- ids come round again: from here on they are redeliveries
  end
  return r
end

function delay()
  if not pause_ms then
    return 0
  end
  sent_this_second = sent_this_second + 1
  local now = os.time()
  if now ~= second then
    if now == second + 1 and sent_this_second > 0 then
      local factor = sent_this_second / thread_rate
      pause_ms = pause_ms * math.max(0.7, math.min(1.4, factor))
    end
    second = now
    sent_this_second = 0
  end
  return pause_ms
end

function done(summary, latency, reqs)
  local e = summary.errors
  io.write(string.format("errors: non-2xx %d, connect %d, read %d, write %d, timeout %d\n",
    e.status, e.connect, e.read, e.write, e.timeout))
  for _, thread in ipairs(threads) do
    if thread:get("wrapped") == 1 then
      io.write("warning: requests ran out and came round again (redeliveries); sign more\n")
      break
    end
  end
end
