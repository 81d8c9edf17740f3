"""Cell features (display, clear_output, stdin, inspect) through Debian's real jupyter_client.

One kernel per scenario; prints one JSON object of what was observed, for Kernel/CellFeatureTests.cs.
Usage: python3 jupyter_cells.py SCENARIO   (JUPYTER_PATH must contain the perfnb kernelspec)
"""
import json
import sys

from jupyter_driver import TIMEOUT, collect, execute, start, stop


def answer_stdin(kc, code, answers):
    """Runs code that asks for input; answers each input_request in turn and records what was asked."""
    msg_id = kc.execute(code, allow_stdin=True)
    asked = []
    for answer in answers:
        request = kc.get_stdin_msg(timeout=TIMEOUT)
        asked.append({"prompt": request["content"]["prompt"], "password": request["content"]["password"],
                      "parent": request["parent_header"].get("msg_id") == msg_id})
        kc.input(answer)
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
    return {"asked": asked, "reply": reply["content"], "iopub": collect(kc, msg_id)}


def scenario_display():
    km, kc = start()
    try:
        return {
            "html": execute(kc, 'display("<b>hi</b>", "text/html")'),
            "markdown_and_text": execute(kc, 'display("**p99** 9 ms", "text/markdown", "text/plain");'),
            "helpers": execute(kc, 'display(HTML("<i>fast</i>"));\nMarkdown("# Done")'),
            "update_keeps_type": execute(kc, 'var h = display("<b>1</b>", "text/html");\nh.Update("<b>2</b>");'),
            "handle_last": execute(kc, 'display(42)'),
            "bad_mime": execute(kc, 'display("x", "html")'),
            "clear": execute(kc, 'Console.WriteLine("gone");\ndisplay("also gone");\nClearOutput();\nConsole.WriteLine("kept");'),
            "clear_wait": execute(kc, 'for (var i = 0; i < 3; i++) { ClearOutput(wait: true); display($"frame {i}"); }'),
        }
    finally:
        stop(km, kc)


def scenario_stdin():
    km, kc = start()
    try:
        return {
            "read_line": answer_stdin(kc, 'Console.Write("Name: ");\nvar who = Console.ReadLine();\n$"hello {who}"', ["perf"]),
            "password": answer_stdin(kc, 'var secret = ReadPassword("Token: ");\nvar name = Input("Name? ");\n$"{name}:{secret.Length}"', ["s3cret", "ada"]),
            # What nbclient does: execute with allow_stdin false. The cell must fail at once, saying why.
            "no_stdin": _no_stdin(kc),
        }
    finally:
        stop(km, kc)


def _no_stdin(kc):
    msg_id = kc.execute('var line = Console.ReadLine();', allow_stdin=False)
    reply = kc.get_shell_msg(timeout=60)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=60)
    collect(kc, msg_id)
    return {"reply": reply["content"], "after": execute(kc, "1 + 1")}


def scenario_inspect():
    km, kc = start()
    try:
        execute(kc, "var numbers = new List<int> { 1, 2, 3 };\nobject boxed = 7;")
        def inspect(code, cursor):
            return kc.inspect(code, cursor, reply=True, timeout=TIMEOUT)["content"]
        def complete(code):
            return kc.complete(code, len(code), reply=True, timeout=TIMEOUT)["content"]
        return {
            "bcl_method": inspect("Math.Max(1, 2)", 6),
            "bcl_type": inspect("Console.WriteLine()", 3),
            "library": inspect("Charts.TimeSeries(null)", 10),
            "global": inspect('display("x", "text/html")', 3),
            "variable": inspect("numbers", 3),
            "boxed": inspect("boxed", 2),
            "extension": complete("numbers.Whe"),
        }
    finally:
        stop(km, kc)


if __name__ == "__main__":
    print(json.dumps(globals()["scenario_" + sys.argv[1]]()))
