"""jupyter_kernel_test's protocol conformance suite, run against the perfnb kernel.

Usage: python3 perfnb_kernel_tests.py   (JUPYTER_PATH must contain the perfnb kernelspec)
Prints unittest's verbose report on stderr; exit code 0 when every test passed.
"""
import os
import sys
import tempfile
import unittest

import jupyter_kernel_test
from jupyter_client.utils import run_sync

# The history database and connection files stay out of the user's Jupyter data dir.
_data = tempfile.TemporaryDirectory(prefix="perfnb-kernel-tests-")
os.environ["JUPYTER_DATA_DIR"] = _data.name


class PerfnbKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "perfnb"
    language_name = "C#"
    file_extension = ".cs"

    code_hello_world = 'Console.WriteLine("hello, world");'
    code_stderr = 'Console.Error.WriteLine("to stderr");'
    code_generate_error = 'throw new InvalidOperationException("boom");'

    completion_samples = [{"text": "Console.WriteLi", "matches": {"WriteLine"}}, {"text": "Math.Ma", "matches": {"Max", "MaxMagnitude"}}]
    complete_code_samples = ["var a = 1;", "1 + 1", "if (true) { Console.WriteLine(1); }"]
    incomplete_code_samples = ["if (true) {", "Console.WriteLine(", 'var s = @"open']
    invalid_code_samples = ["int = 7q;", "var = ;;)", "}"]

    code_execute_result = [{"code": "6 * 7", "result": "42"}, {"code": "\"perf\" + \"nb\"", "result": "perfnb"}]
    code_display_data = [{"code": 'display("shown");', "mime": "text/plain"}]
    code_history_pattern = "6 * 7"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math.Max"

    def execute_helper(self, code, timeout=jupyter_kernel_test.TIMEOUT, silent=False, store_history=True, stop_on_error=True):
        # The library's own helper gives each iopub message after the reply 0.1 s to arrive: on a loaded 2-core
        # machine the idle status can come later than that (seen in CI). Same checks, a timeout that fits the machine.
        msg_id = self.kc.execute(code=code, silent=silent, store_history=store_history, stop_on_error=stop_on_error)
        reply = self.get_non_kernel_info_reply(timeout=timeout)
        jupyter_kernel_test.validate_message(reply, "execute_reply", msg_id)
        busy = run_sync(self.kc.iopub_channel.get_msg)(timeout=timeout)
        jupyter_kernel_test.validate_message(busy, "status", msg_id)
        self.assertEqual(busy["content"]["execution_state"], "busy")
        outputs = []
        while True:
            msg = run_sync(self.kc.iopub_channel.get_msg)(timeout=timeout)
            jupyter_kernel_test.validate_message(msg, msg["msg_type"], msg_id)
            if msg["msg_type"] == "status":
                self.assertEqual(msg["content"]["execution_state"], "idle")
                break
            if msg["msg_type"] == "execute_input":
                self.assertEqual(msg["content"]["code"], code)
                continue
            outputs.append(msg)
        return reply, outputs

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The first cell compiles the session (seconds on a loaded machine); the suite's timeouts are 15 s.
        cls.kc.execute_interactive("var warm = 1;", timeout=120)


if __name__ == "__main__":
    unittest.main(verbosity=2)
