"""jupyter_kernel_test's protocol conformance suite, run against the perfnb kernel.

Usage: python3 perfnb_kernel_tests.py   (JUPYTER_PATH must contain the perfnb kernelspec)
Prints unittest's verbose report on stderr; exit code 0 when every test passed.
"""
import os
import sys
import tempfile
import unittest

import jupyter_kernel_test

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

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The first cell compiles the session (seconds on a loaded machine); the suite's timeouts are 15 s.
        cls.kc.execute_interactive("var warm = 1;", timeout=120)


if __name__ == "__main__":
    unittest.main(verbosity=2)
