-- wrk script of bench/post-bench.sh: guests posting the "Leave a Reply" form, each request a different
-- reader (comment text, name, email, form key and X-Forwarded-For address), with the CSRF cookie and token
-- and the form's hidden fields that post-bench.sh read from the article page.
--
-- Environment: POST_PATH (the form's action), POST_CSRF (the CSRF cookie's value), POST_CSRF_FIELD (the form's
-- token field as the page carries it, masked; the cookie's value when unset), POST_SHOWN (the
-- form's signed time stamp), POST_PARENT (comment_parent, usually empty), POST_RUN (a word that makes this
-- run's texts and addresses its own), POST_REPORT (file the counts are written to).

local path = os.getenv("POST_PATH")
local csrf = os.getenv("POST_CSRF")
local csrf_field = os.getenv("POST_CSRF_FIELD") or csrf
local shown = os.getenv("POST_SHOWN") or ""
local parent = os.getenv("POST_PARENT") or ""
local run = os.getenv("POST_RUN") or "run"
local report = os.getenv("POST_REPORT")

local threads = {}
local next_thread = 1

function setup(thread)
  thread:set("thread_id", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  n = 0
  acked = 0
  others = 0
  statuses = ""
  headers_base = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "parley_csrf=" .. csrf,
  }
end

function request()
  n = n + 1
  local t = thread_id
  -- A distinct address per request: 10.<thread>.<n / 256>.<n % 256>, then 11.… after 65,536 requests.
  local ip = string.format("%d.%d.%d.%d", 10 + math.floor(n / 65536), t, math.floor(n / 256) % 256, n % 256)
  local who = string.format("%s-%d-%d", run, t, n)
  local body = "comment=" .. urlencode("Comment " .. who .. ": thanks for the article, I read it twice.")
    .. "&author=" .. urlencode("Reader " .. who)
    .. "&email=" .. urlencode("reader-" .. who .. "@bench.example")
    .. "&url="
    .. "&comment_parent=" .. urlencode(parent)
    .. "&_csrf=" .. urlencode(csrf_field)
    -- Every reader loads the form, so every post has its own request key.
    .. "&parley_key=" .. urlencode((string.format("benchkey%s%02dx%08d", run, t, n):gsub("[^%w]", "")))
    .. "&parley_shown=" .. urlencode(shown)
    .. "&parley_hp="
  local headers = {}
  for k, v in pairs(headers_base) do headers[k] = v end
  headers["X-Forwarded-For"] = ip
  return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
  local location = headers["Location"] or headers["location"]
  if status == 303 and location and location:find("#comment-", 1, true) then
    acked = acked + 1
  else
    others = others + 1
    if not statuses:find("|" .. status .. "|", 1, true) then
      statuses = statuses .. "|" .. status .. "|"
    end
  end
end

function done(summary, latency, requests)
  local total_acked, total_others, codes = 0, 0, ""
  for _, thread in ipairs(threads) do
    total_acked = total_acked + thread:get("acked")
    total_others = total_others + thread:get("others")
    codes = codes .. (thread:get("statuses") or "")
  end
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  local lines = {
    "acked=" .. total_acked,
    "others=" .. total_others,
    "socket_errors=" .. socket_errors,
    "other_statuses=" .. codes,
    "seconds=" .. string.format("%.3f", summary.duration / 1e6),
    "p50_ms=" .. string.format("%.1f", latency:percentile(50) / 1000),
    "p99_ms=" .. string.format("%.1f", latency:percentile(99) / 1000),
  }
  local text = table.concat(lines, "\n") .. "\n"
  io.write(text)
  if report then
    local f = io.open(report, "w")
    f:write(text)
    f:close()
  end
end
