"""Drives the perfnb kernel through Debian's real jupyter_client, one scenario per call.

Prints one JSON object on stdout: what the scenario observed. The C# tests assert on it.
Usage: python3 jupyter_driver.py SCENARIO   (JUPYTER_PATH must contain the perfnb kernelspec)
"""
import http.server
import json
import os
import signal
import socketserver
import subprocess
import sys
import tempfile
import threading
import time

from jupyter_client.manager import start_new_kernel

TIMEOUT = 120

# The history database and connection files stay out of the user's Jupyter data dir.
_data = tempfile.TemporaryDirectory(prefix="perfnb-jupyter-data-")
os.environ["JUPYTER_DATA_DIR"] = _data.name


def collect(kc, msg_id, timeout=TIMEOUT):
    """All iopub messages parented to msg_id, up to and including its idle status."""
    msgs = []
    deadline = time.time() + timeout
    while time.time() < deadline:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        msgs.append({"type": msg["msg_type"], "content": msg["content"]})
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    return msgs


def execute(kc, code, timeout=TIMEOUT):
    msg_id = kc.execute(code)
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    iopub = collect(kc, msg_id, timeout)
    return {"reply": reply["content"], "iopub": iopub}


def shell_reply(kc, msg_id):
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
    return reply["content"]


def start(**launch):
    km, kc = start_new_kernel(kernel_name="perfnb", startup_timeout=TIMEOUT, **launch)
    return km, kc


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def scenario_execute():
    km, kc = start()
    try:
        first = execute(kc, "var x = 40;\nConsole.WriteLine(\"hi from C#\");")
        second = execute(kc, "x + 2")
        info = kc.kernel_info(reply=True, timeout=TIMEOUT)["content"]
        # usage_request on control, as JupyterLab's resource panel sends it: around a busy second, then an idle one.
        usage(kc)
        execute(kc, "var until = DateTime.UtcNow.AddSeconds(1.5);\nwhile (DateTime.UtcNow < until) { }")
        busy = usage(kc)
        busy["rss_seen"] = rss_bytes(km.provisioner.pid)
        busy["pid_seen"] = km.provisioner.pid
        return {"first": first, "second": second, "kernel_info": info, "usage": busy}
    finally:
        stop(km, kc)


def rss_bytes(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return None


def usage(kc):
    msg = kc.session.msg("usage_request", {})
    kc.control_channel.send(msg)
    while True:
        reply = kc.get_control_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
            return {"type": reply["msg_type"], "content": reply["content"]}


def scenario_errors():
    km, kc = start()
    try:
        define = execute(kc, "var kept = 7;")
        compile_error = execute(kc, "int y = 1;\nint z = \"no\";")
        runtime_error = execute(kc, "int Divide(int a) => 10 / a;\nDivide(0)")
        after = execute(kc, "kept * 6")
        return {"define": define, "compile": compile_error, "runtime": runtime_error, "after": after}
    finally:
        stop(km, kc)


def scenario_display():
    km, kc = start()
    try:
        return execute(kc, "var h = display(\"step 1\");\nh.Update(\"step 2\");")
    finally:
        stop(km, kc)


def scenario_assist():
    km, kc = start()
    try:
        execute(kc, "var numbers = new List<int> { 1, 2, 3 };")
        code = "numbers.Cou"
        complete = kc.complete(code, len(code), reply=True, timeout=TIMEOUT)["content"]
        code2 = "Console.Wri"
        complete2 = kc.complete(code2, len(code2), reply=True, timeout=TIMEOUT)["content"]
        inspect = kc.inspect("Math.Max(1, 2)", 2, reply=True, timeout=TIMEOUT)["content"]
        complete_checks = {}
        for name, code3 in {"done": "var a = 1;", "open": "if (true) {", "bad": "var = ;;)"}.items():
            complete_checks[name] = shell_reply(kc, kc.is_complete(code3))
        comm = shell_reply(kc, kc.comm_info())
        return {"member": complete, "static": complete2, "inspect": inspect, "is_complete": complete_checks, "comm_info": comm}
    finally:
        stop(km, kc)


def scenario_restart():
    km, kc = start()
    try:
        execute(kc, "var survivor = 1;")
        execute(kc, "survivor + 41")
        km.restart_kernel(now=False)
        kc.wait_for_ready(timeout=TIMEOUT)
        after = execute(kc, "survivor")
        fresh = execute(kc, "1 + 1")
        # History outlives the restart: the new session reads the old one's cells (and their outputs).
        tail = kc.history(hist_access_type="tail", n=4, output=True, raw=True, reply=True, timeout=TIMEOUT)["content"]
        previous = kc.history(hist_access_type="range", session=-1, start=1, stop=None, output=False, raw=True,
                              reply=True, timeout=TIMEOUT)["content"]
        search = kc.history(hist_access_type="search", pattern="survivor*", n=None, unique=True, output=False, raw=True,
                            reply=True, timeout=TIMEOUT)["content"]
        return {"after": after, "fresh": fresh, "alive": km.is_alive(), "tail": tail, "previous": previous, "search": search}
    finally:
        stop(km, kc)


def scenario_forged():
    km, kc = start()
    try:
        execute(kc, "var marker = 1;")
        # Same session, wrong key: the kernel must drop it unexecuted.
        from jupyter_client.session import Session
        forged = Session(key=b"not-the-real-key", username=kc.session.username)
        msg = forged.msg("execute_request", {"code": "marker = 99;", "silent": False, "store_history": True,
                                              "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        forged.send(kc.shell_channel.socket, msg)
        answered = True
        try:
            r = kc.get_shell_msg(timeout=5)
            answered = r["parent_header"].get("msg_id") == msg["header"]["msg_id"]
        except Exception:
            answered = False
        after = execute(kc, "marker")
        return {"forged_answered": answered, "after": after}
    finally:
        stop(km, kc)


def scenario_stdin():
    km, kc = start()
    try:
        msg_id = kc.execute("var name = Console.ReadLine();\nname.ToUpperInvariant()", allow_stdin=True)
        request = kc.get_stdin_msg(timeout=TIMEOUT)
        kc.input("perf")
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = kc.get_shell_msg(timeout=TIMEOUT)
        iopub = collect(kc, msg_id)
        return {"request": request["msg_type"], "parent": request["parent_header"].get("msg_id") == msg_id,
                "reply": reply["content"], "iopub": iopub}
    finally:
        stop(km, kc)


def send_frames(kc, frames):
    kc.shell_channel.socket.send_multipart(frames)


def signed(kc, header, content, parent=b"{}", metadata=b"{}"):
    parts = [header, parent, metadata, content]
    return [b"<IDS|MSG>", kc.session.sign(parts)] + parts


def header(kc, msg_type):
    return json.dumps(kc.session.msg_header(msg_type), default=str).encode()


def answered(kc, msg_id, timeout=3):
    """The reply to msg_id if one arrives within timeout s (other replies are skipped)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            reply = kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
        except Exception:
            return None
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply
    return None


def scenario_hostile():
    import tempfile
    log = tempfile.NamedTemporaryFile("w+", suffix=".log", delete=False)
    km, kc = start(stderr=log)
    try:
        execute(kc, "var counter = 0;")
        out = {}
        # Not a Jupyter message at all, then signed parts that are not JSON, then a header without msg_type.
        send_frames(kc, [b"garbage"])
        send_frames(kc, signed(kc, header(kc, "execute_request"), b"{not json"))
        send_frames(kc, signed(kc, b'{"msg_id": "x1"}', b'{"code": "counter += 100;"}'))
        # Fields of the wrong type: an error reply naming the field, not a dead kernel.
        wrong = kc.session.msg("execute_request", {"code": 5, "silent": False})
        kc.session.send(kc.shell_channel.socket, wrong)
        reply = answered(kc, wrong["header"]["msg_id"], timeout=TIMEOUT)
        out["wrong_type"] = reply["content"] if reply else None
        wrong_cursor = kc.session.msg("complete_request", {"code": "Con", "cursor_pos": "three"})
        kc.session.send(kc.shell_channel.socket, wrong_cursor)
        reply = answered(kc, wrong_cursor["header"]["msg_id"], timeout=TIMEOUT)
        out["wrong_cursor"] = {"type": reply["msg_type"], "content": reply["content"]} if reply else None
        # An unknown type gets no reply (as ipykernel), and is logged.
        unknown = kc.session.msg("teleport_request", {})
        kc.session.send(kc.shell_channel.socket, unknown)
        out["unknown_answered"] = answered(kc, unknown["header"]["msg_id"]) is not None
        # A replay: the very same signed frames twice; only the first runs.
        inc = kc.session.msg("execute_request", {"code": "counter++;", "silent": False, "store_history": True,
                                                 "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        frames = kc.session.serialize(inc)
        send_frames(kc, frames)
        answered(kc, inc["header"]["msg_id"], timeout=TIMEOUT)
        send_frames(kc, frames)
        out["replay_answered"] = answered(kc, inc["header"]["msg_id"]) is not None
        out["counter"] = result_text(execute(kc, "counter"))
        out["alive"] = km.is_alive()
        time.sleep(0.5)
        log.seek(0)
        out["log"] = [line.rstrip("\n") for line in log if line.startswith("perfnb kernel:")]
        return out
    finally:
        stop(km, kc)


def result_text(exchange):
    for m in exchange["iopub"]:
        if m["type"] == "execute_result":
            return m["content"]["data"]["text/plain"]
    return None


def interrupt_case(km, kc, code, how="message", wait=1.5, running=None):
    """Runs code, interrupts it `wait` s after it started (once `running()` shows it working, if given),
    and reports how the cell ended and how long it took to stop."""
    msg_id = kc.execute(code)
    seen = None
    deadline = time.time() + TIMEOUT
    while running and not seen and time.time() < deadline:
        seen = running()
        time.sleep(0.05)
    time.sleep(wait)
    t0 = time.time()
    if how == "signal":
        os.kill(km.provisioner.pid, signal.SIGINT)
    else:
        km.interrupt_kernel()  # interrupt_mode "message": interrupt_request on control
    reply = shell_reply(kc, msg_id)
    stopped_after = time.time() - t0
    iopub = collect(kc, msg_id)
    return {"status": reply["status"], "ename": reply.get("ename"), "stopped_after_s": stopped_after, "before": seen,
            "streams": "".join(m["content"].get("text", "") for m in iopub if m["type"] == "stream")}


class CountingHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    count = 0
    lock = threading.Lock()

    def do_GET(self):
        with CountingHandler.lock:
            CountingHandler.count += 1
        body = b"ok"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def children_of(pid):
    out = subprocess.run(["ps", "-o", "pid=,args=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


def sigint_disposition(pid):
    """'ignored' when the process ignores SIGINT (as under nohup), per /proc/PID/status."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("SigIgn:"):
                return "ignored" if int(line.split()[1], 16) & (1 << (signal.SIGINT - 1)) else "handled"
    return "unknown"


def run_interrupt_cases(km, kc, full):
    cases = {}
    execute(kc, "var kept = 41;\nvar reached = \"none\";\n"
                "int Spin() { var n = 0; while (true) { n++; } }\n"
                "Action spinLambda = () => { var n = 0; while (true) { n++; } };")
    km.interrupt_kernel()  # while idle: nothing to stop, nothing to die of
    time.sleep(0.5)
    cases["idle"] = {"after": result_text(execute(kc, "kept"))}
    cases["loop"] = interrupt_case(km, kc, "long spins = 0;\nwhile (true) { spins++; }\nreached = \"loop\";")
    cases["sleep"] = interrupt_case(km, kc, "Thread.Sleep(60000);\nreached = \"sleep\";")
    cases["delay"] = interrupt_case(km, kc, "await Task.Delay(3000);\nreached = \"delay\";")
    cases["wait"] = interrupt_case(km, kc, "new ManualResetEventSlim().Wait();\nreached = \"wait\";")
    cases["method"] = interrupt_case(km, kc, "Spin();\nreached = \"method\";")
    cases["lambda"] = interrupt_case(km, kc, "spinLambda();\nreached = \"lambda\";")
    if full:
        # The signal comes once the loop has started (the cell leaves a marker file first): on a loaded machine
        # 1.5 s after execute_request can still be before the cell runs, and a SIGINT then has nothing to stop.
        marker = os.path.join(tempfile.mkdtemp(prefix="perfnb-signal-"), "running")
        cases["signal"] = interrupt_case(km, kc, f"System.IO.File.WriteAllText(@\"{marker}\", \"\");\nwhile (true) {{ }}\nreached = \"signal\";",
                                         how="signal", running=lambda: os.path.exists(marker))
        cases["task_wait"] = interrupt_case(km, kc, "Task.Run(() => Thread.Sleep(60000)).Wait();\nreached = \"task_wait\";")
        server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), CountingHandler)
        server.handle_error = lambda request, address: None  # connections the interrupted load aborts
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        cases["load"] = interrupt_case(km, kc, f"await Load.Run(\"{url}\", connections: 2, duration: TimeSpan.FromSeconds(60), warmup: TimeSpan.Zero);\nreached = \"load\";", wait=1.0, running=lambda: CountingHandler.count)
        at_reply = CountingHandler.count
        time.sleep(1.0)
        cases["load"]["requests_at_reply"] = at_reply
        cases["load"]["requests_after_1s"] = CountingHandler.count
        server.shutdown()
        cases["bench"] = interrupt_case(km, kc, "await Bench.Command(\"sleep 30\", runs: 2, warmup: 0);\nreached = \"bench\";", wait=0.5, running=lambda: [c for c in children_of(km.provisioner.pid) if "sleep 30" in c])
        time.sleep(0.5)
        cases["bench"]["children"] = children_of(km.provisioner.pid)
        cases["profile"] = interrupt_case(km, kc, "await Profiler.Attach(Environment.ProcessId).Sample(TimeSpan.FromSeconds(60));\nreached = \"profile\";", wait=3.0)
        cases["server_start"] = interrupt_case(km, kc, "var started = await SampleServer.Start(\"cpu-hotspot\");\nreached = \"server\";", wait=0.0, running=lambda: [c for c in children_of(km.provisioner.pid) if "SampleServers" in c])
        time.sleep(0.5)
        cases["server_start"]["children"] = children_of(km.provisioner.pid)
    # The kernel outlives every interrupt: 5 s later it still answers, with the state of before.
    time.sleep(5.0)
    after = execute(kc, "$\"{kept + 1} {reached}\"")
    return {"cases": cases, "alive": km.is_alive(), "after": result_text(after),
            "after_status": after["reply"]["status"]}


def scenario_interrupts():
    # A kernel started normally handles SIGINT, even when this driver inherited it ignored (a CI job launched in
    # the background by a non-interactive shell): children of a handled SIGINT start with the default disposition.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    km, kc = start()
    try:
        result = run_interrupt_cases(km, kc, full=True)
        result["sigint"] = sigint_disposition(km.provisioner.pid)
        return result
    finally:
        stop(km, kc)


def scenario_interrupts_sigint_ignored():
    # As under nohup: the kernel inherits SIGINT ignored, so only interrupt_request can reach it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    km, kc = start()
    try:
        result = run_interrupt_cases(km, kc, full=False)
        result["sigint"] = sigint_disposition(km.provisioner.pid)
        return result
    finally:
        stop(km, kc)


if __name__ == "__main__":
    print(json.dumps(globals()["scenario_" + sys.argv[1]]()))
