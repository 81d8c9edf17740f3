"""Drives the perfnb kernel through Debian's real jupyter_client, one scenario per call.

Prints one JSON object on stdout: what the scenario observed. The C# tests assert on it.
Usage: python3 jupyter_driver.py SCENARIO   (JUPYTER_PATH must contain the perfnb kernelspec)
"""
import json
import sys
import time

from jupyter_client.manager import start_new_kernel

TIMEOUT = 120


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


def start():
    km, kc = start_new_kernel(kernel_name="perfnb", startup_timeout=TIMEOUT)
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
        return {"first": first, "second": second, "kernel_info": info}
    finally:
        stop(km, kc)


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


def scenario_interrupt():
    km, kc = start()
    try:
        execute(kc, "var before = 5;")
        msg_id = kc.execute("long spins = 0;\nwhile (true) { spins++; }")
        time.sleep(2.0)
        t0 = time.time()
        km.interrupt_kernel()
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = kc.get_shell_msg(timeout=TIMEOUT)
        stopped_after = time.time() - t0
        collect(kc, msg_id)
        after = execute(kc, "before + 1")
        return {"reply": reply["content"], "stopped_after_s": stopped_after, "after": after}
    finally:
        stop(km, kc)


def scenario_restart():
    km, kc = start()
    try:
        execute(kc, "var survivor = 1;")
        km.restart_kernel(now=False)
        kc.wait_for_ready(timeout=TIMEOUT)
        after = execute(kc, "survivor")
        fresh = execute(kc, "1 + 1")
        return {"after": after, "fresh": fresh, "alive": km.is_alive()}
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


if __name__ == "__main__":
    print(json.dumps(globals()["scenario_" + sys.argv[1]]()))
