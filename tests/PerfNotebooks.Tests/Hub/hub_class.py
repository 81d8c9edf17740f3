#!/usr/bin/python3
"""A class on a real JupyterHub, driven as JupyterLab drives it.

Creates N Unix learners, starts Debian's jupyterhub (configurable-http-proxy, LocalProcessSpawner,
DummyAuthenticator with a password) on 127.0.0.1 with free ports, and has every learner at once: start
their server through the hub's REST API, open ~/workbooks/00-start-here.ipynb through the contents API,
type the answers, run every code cell over the kernel websocket, and save the notebook. Meanwhile it asks
the hub's REST API for the user list every two seconds and samples each learner's processes from /proc
(PSS and CPU time). Then it checks what one learner can see of another. Writes a JSON report; always
stops the hub and every learner process and deletes the learners, even on failure.

Usage: hub_class.py --work DIR --prefix P --workbooks DIR --instructor NB --singleuser PATH
                    --snippet PATH --learners N --report FILE [--tag T]
(as root: it creates and deletes Unix users; DIR must be listable by them)
"""
import argparse
import asyncio
import datetime
import json
import os
import pwd
import secrets
import signal
import socket
import subprocess
import sys
import time
import traceback
import uuid
from urllib.parse import urlencode

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

CHECK_MIME = "application/vnd.perfnb.check+json"
WORKBOOK = "workbooks/00-start-here.ipynb"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(*cmd, check=True):
    return subprocess.run(cmd, check=check, capture_output=True, text=True)


class Hub:
    def __init__(self, args, learners):
        self.args = args
        self.learners = learners
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = secrets.token_hex(32)
        self.password = secrets.token_hex(12)
        self.process = None
        self.http = AsyncHTTPClient(max_clients=64)

    def write_config(self):
        a = self.args
        config = f"""
c = get_config()
load_subconfig({a.snippet!r})
c.JupyterHub.ip = '127.0.0.1'
c.JupyterHub.port = {self.port}
c.JupyterHub.hub_ip = '127.0.0.1'
c.JupyterHub.hub_port = {free_port()}
c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{free_port()}'
c.ConfigurableHTTPProxy.pid_file = {os.path.join(a.work, 'proxy.pid')!r}
c.JupyterHub.db_url = 'sqlite:///' + {os.path.join(a.work, 'jupyterhub.sqlite')!r}
c.JupyterHub.cookie_secret_file = {os.path.join(a.work, 'cookie_secret')!r}
c.JupyterHub.pid_file = {os.path.join(a.work, 'jupyterhub.pid')!r}
c.JupyterHub.authenticator_class = 'jupyterhub.auth.DummyAuthenticator'
c.DummyAuthenticator.password = {self.password!r}
c.Authenticator.allowed_users = set({self.learners!r})
c.JupyterHub.spawner_class = 'jupyterhub.spawner.LocalProcessSpawner'
c.Spawner.environment = {{
    'JUPYTER_PATH': {os.path.join(a.prefix, 'share', 'jupyter')!r},
    'PERFNB_WORKBOOKS': {a.workbooks!r},
    'DOTNET_CLI_TELEMETRY_OPTOUT': '1',
}}
c.Spawner.start_timeout = 240
c.Spawner.http_timeout = 240
c.JupyterHub.concurrent_spawn_limit = 0
c.JupyterHub.services = [{{'name': 'class-driver', 'api_token': {self.token!r}}}]
c.JupyterHub.load_roles = [{{
    'name': 'class-driver',
    'scopes': ['admin:users', 'admin:servers', 'tokens', 'list:users', 'read:users'],
    'services': ['class-driver'],
}}]
c.JupyterHub.cleanup_servers = True
"""
        path = os.path.join(a.work, "jupyterhub_config.py")
        with open(path, "w") as f:
            f.write(config)
        return path

    def start(self):
        env = dict(os.environ, PERFNB_SINGLEUSER=self.args.singleuser)
        # Debian's proxy finds its modules in /usr/share/nodejs; a node from elsewhere (NodeSource's) does not look there.
        env["NODE_PATH"] = ":".join(p for p in ("/usr/share/nodejs", os.environ.get("NODE_PATH")) if p)
        log = open(os.path.join(self.args.work, "jupyterhub.log"), "w")
        self.process = subprocess.Popen(
            ["jupyterhub", "-f", self.write_config()], cwd=self.args.work, env=env,
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    async def wait_ready(self, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyterhub exited with {self.process.returncode}; see jupyterhub.log")
            try:
                await self.api("GET", "/hub/api/")
                return
            except (HTTPClientError, OSError):
                await asyncio.sleep(0.5)
        raise RuntimeError("jupyterhub did not answer /hub/api/ in time")

    async def api(self, method, path, body=None, token=None, timeout=60):
        request = HTTPRequest(
            self.url + path, method=method, headers={"Authorization": f"token {token or self.token}"},
            body=None if body is None and method in ("GET", "DELETE") else json.dumps(body or {}),
            request_timeout=timeout, follow_redirects=False)
        response = await self.http.fetch(request)
        return json.loads(response.body) if response.body else None

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)


class Kernel:
    """One kernel over /api/kernels/ID/channels, as JupyterLab talks to it."""

    def __init__(self, ws, session):
        self.ws = ws
        self.session = session

    async def request(self, msg_type, content, timeout):
        msg_id = uuid.uuid4().hex
        await self.ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "username": "learner", "session": self.session, "msg_type": msg_type,
                       "version": "5.3", "date": datetime.datetime.now(datetime.timezone.utc).isoformat()},
            "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": []}))
        outputs, reply, idle, first_output = [], None, False, None
        deadline = time.monotonic() + timeout
        while reply is None or not idle:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{msg_type} got no reply within {timeout} s")
            raw = await asyncio.wait_for(self.ws.read_message(), left)
            if raw is None:
                raise RuntimeError("the kernel websocket closed")
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, body = msg["msg_type"], msg["content"]
            if msg["channel"] == "shell":
                reply = body
            elif kind == "status":
                idle = body["execution_state"] == "idle"
            elif kind == "stream":
                outputs.append({"output_type": "stream", "name": body["name"], "text": body["text"]})
            elif kind in ("display_data", "execute_result"):
                first_output = first_output or time.monotonic()
                out = {"output_type": kind, "data": body["data"], "metadata": body.get("metadata", {})}
                if kind == "execute_result":
                    out["execution_count"] = body.get("execution_count")
                outputs.append(out)
            elif kind == "error":
                outputs.append({"output_type": "error", "ename": body["ename"], "evalue": body["evalue"],
                                "traceback": body.get("traceback", [])})
        return reply, outputs, first_output


def answered(learner_cell, instructor_cells):
    """The learner types the answer: the instructor's cell without its solution markers."""
    source = "".join(learner_cell["source"]) if isinstance(learner_cell["source"], list) else learner_cell["source"]
    if "YOUR CODE HERE" not in source:
        return source
    original = instructor_cells[learner_cell["id"]]
    lines = "".join(original["source"]).split("\n")
    return "\n".join(l for l in lines if l.strip() not in ("// BEGIN SOLUTION", "// END SOLUTION"))


async def log_in(hub, name, password):
    """The hub's login form, as a browser posts it; the DummyAuthenticator checks the class password."""
    response = await hub.http.fetch(HTTPRequest(
        hub.url + "/hub/login", method="POST", body=urlencode({"username": name, "password": password}),
        follow_redirects=False, request_timeout=60), raise_error=False)
    cookies = response.headers.get_list("Set-Cookie")
    return response.code, any(c.startswith("jupyterhub-session-id=") or c.startswith("jupyterhub-hub-login=") for c in cookies)


async def learner_session(hub, name, instructor_cells, result):
    t0 = time.monotonic()
    result["wrong_password_login"] = (await log_in(hub, name, "not-" + hub.password))[1]
    code, logged_in = await log_in(hub, name, hub.password)
    if not logged_in:
        raise RuntimeError(f"{name} could not log in (HTTP {code})")
    await hub.api("POST", f"/hub/api/users/{name}/server", {})
    while True:
        user = await hub.api("GET", f"/hub/api/users/{name}")
        server = user.get("servers", {}).get("")
        if server and server.get("ready"):
            break
        if time.monotonic() - t0 > 300:
            raise TimeoutError(f"{name}'s server was not ready after 300 s")
        await asyncio.sleep(0.5)
    result["server_ready_s"] = round(time.monotonic() - t0, 2)
    token = (await hub.api("POST", f"/hub/api/users/{name}/tokens", {"note": "class driver", "expires_in": 3600}))["token"]
    result["token"] = token
    base = f"/user/{name}/api"
    model = await hub.api("GET", f"{base}/contents/{WORKBOOK}?content=1&type=notebook", token=token)
    nb = model["content"]
    session = await hub.api("POST", f"{base}/sessions", {"path": WORKBOOK, "type": "notebook", "name": "",
                                                         "kernel": {"name": "perfnb"}}, token=token)
    kernel_id, session_id = session["kernel"]["id"], uuid.uuid4().hex
    ws = await websocket_connect(HTTPRequest(
        f"ws://127.0.0.1:{hub.port}{base}/kernels/{kernel_id}/channels?session_id={session_id}",
        headers={"Authorization": f"token {token}"}, request_timeout=120))
    kernel = Kernel(ws, session_id)
    await kernel.request("kernel_info_request", {}, timeout=240)
    result["kernel_ready_s"] = round(time.monotonic() - t0, 2)
    cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
    result["cells"], result["cell_errors"], result["checkpoints"] = len(cells), [], {}
    for index, cell in enumerate(cells):
        cell["source"] = answered(cell, instructor_cells)
        reply, outputs, first = await kernel.request("execute_request", {
            "code": cell["source"], "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True}, timeout=400)
        if first is not None and "first_result_s" not in result:
            result["first_result_s"] = round(first - t0, 2)
        cell["outputs"], cell["execution_count"] = outputs, reply.get("execution_count")
        if reply.get("status") != "ok":
            result["cell_errors"].append(f"cell {index + 1}: {reply.get('ename')}: {reply.get('evalue')}")
            break
        for out in outputs:
            check = out.get("data", {}).get(CHECK_MIME)
            if check is not None:
                check = json.loads(check) if isinstance(check, str) else check
                result["checkpoints"][check["checkpoint"]] = bool(check["passed"])
            text = "".join(out.get("data", {}).get("text/plain", ""))
            if "cpu-hotspot (buggy" in text and " pid " in text:
                result["sample_server"] = text.split(" at ")[1].split(" ·")[0]
    result["run_s"] = round(time.monotonic() - t0, 2)
    ws.close()
    await hub.api("PUT", f"{base}/contents/{WORKBOOK}", {"type": "notebook", "format": "json", "content": nb}, token=token)
    await hub.api("DELETE", f"{base}/sessions/{session['id']}", token=token)


async def keep_asking(hub, stop, record):
    """The hub must keep answering its REST API while the class runs."""
    while not stop.is_set():
        t = time.monotonic()
        try:
            await hub.api("GET", "/hub/api/users", timeout=60)
            record["answers"] += 1
            record["max_s"] = max(record["max_s"], round(time.monotonic() - t, 3))
        except Exception as e:  # noqa: BLE001 (a failure is the observation)
            record["failures"].append(f"{type(e).__name__}: {e}")
        try:
            await asyncio.wait_for(stop.wait(), 2)
        except asyncio.TimeoutError:
            pass


def classify(cmdline):
    if "jupyterhub-singleuser" in cmdline:
        return "jupyter"
    if "kernel start" in cmdline:
        return "kernel"
    if "PerfNotebooks.SampleServers" in cmdline:
        return "sample_server"
    return "other"


def processes_of(uid):
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            if os.stat(f"/proc/{pid}").st_uid == uid:
                yield int(pid)
        except FileNotFoundError:
            continue


def read_process(pid):
    with open(f"/proc/{pid}/cmdline", "rb") as f:
        cmdline = f.read().replace(b"\0", b" ").decode(errors="replace")
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    pss = 0
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Pss:"):
                pss = int(line.split()[1]) * 1024
    return classify(cmdline), cpu, pss


async def sample_resources(uids, stop, usage):
    """Each learner's PSS (shared pages split fairly) and CPU seconds, per kind of process."""
    while not stop.is_set():
        for name, uid in uids.items():
            u = usage[name]
            total, kinds = 0, {}
            for pid in processes_of(uid):
                try:
                    kind, cpu, pss = read_process(pid)
                except (FileNotFoundError, ProcessLookupError, IndexError, PermissionError):
                    continue
                u["cpu_by_pid"][str(pid)] = (kind, max(cpu, u["cpu_by_pid"].get(str(pid), (kind, 0))[1]))
                total += pss
                kinds[kind] = kinds.get(kind, 0) + pss
            u["peak_pss_bytes"] = max(u["peak_pss_bytes"], total)
            for kind, pss in kinds.items():
                u["peak_pss_by_kind"][kind] = max(u["peak_pss_by_kind"].get(kind, 0), pss)
        try:
            await asyncio.wait_for(stop.wait(), 1)
        except asyncio.TimeoutError:
            pass


def as_user(name, *cmd):
    return subprocess.run(["runuser", "-u", name, "--", *cmd], capture_output=True, text=True)


def isolation(args, hub, learners, results):
    """What learner 1 can see of learner 0 (homes, temp, server through the hub), and each one's own files."""
    a, b = learners[0], learners[1]
    home_a = pwd.getpwnam(a).pw_dir
    facts = {
        "b_reads_a_notebook": as_user(b, "cat", os.path.join(home_a, WORKBOOK)).returncode == 0,
        "b_lists_a_home": as_user(b, "ls", home_a).returncode == 0,
        "a_home_mode": oct(os.stat(home_a).st_mode & 0o777),
    }
    temp_a = f"/tmp/perfnb-{a}"
    facts["a_private_temp_exists"] = os.path.isdir(temp_a)
    if facts["a_private_temp_exists"]:
        st = os.stat(temp_a)
        facts["a_private_temp_mode"] = oct(st.st_mode & 0o777)
        facts["a_private_temp_owned"] = st.st_uid == pwd.getpwnam(a).pw_uid
        facts["b_lists_a_temp"] = as_user(b, "ls", temp_a).returncode == 0
    saved = {}
    for name in learners:
        path = os.path.join(pwd.getpwnam(name).pw_dir, WORKBOOK)
        st = os.stat(path)
        with open(path) as f:
            text = f.read()
        server = results[name].get("sample_server")
        saved[name] = {
            "owned_by_learner": st.st_uid == pwd.getpwnam(name).pw_uid,
            "holds_own_server": bool(server) and server in text,
            "holds_other_servers": [o for o in learners if o != name and results[o].get("sample_server")
                                    and results[o]["sample_server"] in text],
        }
    facts["saved"] = saved
    return facts


async def cross_server(hub, learners, results):
    """Learner 1's own token, used on learner 0's server through the proxy: refused by the hub's auth."""
    a, b = learners[0], learners[1]
    try:
        await hub.api("GET", f"/user/{a}/api/contents/{WORKBOOK}", token=results[b]["token"])
        return 200
    except HTTPClientError as e:
        return e.code


def kill_learner_processes(uids):
    for _ in range(3):
        left = [pid for uid in uids.values() for pid in processes_of(uid)]
        if not left:
            return
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.5)


async def main(args):
    tag = args.tag or secrets.token_hex(3)
    learners = [f"pnb{tag}l{i}" for i in range(args.learners)]
    report = {"learners": learners, "started": time.time()}
    uids = {}
    hub = None
    try:
        homes = os.path.join(args.work, "home")
        os.makedirs(homes, mode=0o755, exist_ok=True)
        for name in learners:
            run("useradd", "--create-home", "--home-dir", os.path.join(homes, name), "--shell", "/bin/sh", name)
            uids[name] = pwd.getpwnam(name).pw_uid
        with open(args.instructor) as f:
            instructor_cells = {c["id"]: c for c in json.load(f)["cells"] if "id" in c}
        hub = Hub(args, learners)
        hub.start()
        await hub.wait_ready()
        stop = asyncio.Event()
        responsiveness = {"answers": 0, "max_s": 0.0, "failures": []}
        usage = {n: {"peak_pss_bytes": 0, "peak_pss_by_kind": {}, "cpu_by_pid": {}} for n in learners}
        pinger = asyncio.ensure_future(keep_asking(hub, stop, responsiveness))
        sampler = asyncio.ensure_future(sample_resources(uids, stop, usage))
        results = {n: {} for n in learners}
        t0 = time.monotonic()

        async def one(name):
            try:
                await learner_session(hub, name, instructor_cells, results[name])
            except Exception as e:  # noqa: BLE001 (reported per learner)
                results[name]["failure"] = f"{type(e).__name__}: {e}"
                results[name]["traceback"] = traceback.format_exc()

        await asyncio.gather(*(one(n) for n in learners))
        report["class_wall_s"] = round(time.monotonic() - t0, 2)
        stop.set()
        await asyncio.gather(pinger, sampler)
        report["hub_api"] = responsiveness
        for name, u in usage.items():
            by_kind = {}
            for kind, cpu in u.pop("cpu_by_pid").values():
                by_kind[kind] = round(by_kind.get(kind, 0) + cpu, 2)
            u["cpu_s_by_kind"] = by_kind
            u["cpu_s"] = round(sum(by_kind.values()), 2)
        report["usage"] = usage
        if len(learners) >= 2:  # one learner alone (the benchmark's peer) has nobody to be kept apart from
            report["cross_server_status"] = await cross_server(hub, learners, results)
            report["isolation"] = isolation(args, hub, learners, results)
        for r in results.values():
            r.pop("token", None)
        report["results"] = results
        for name in learners:
            try:
                await hub.api("DELETE", f"/hub/api/users/{name}/server")
            except HTTPClientError:
                pass
    except Exception as e:  # noqa: BLE001 (the report says what broke)
        report["failure"] = f"{type(e).__name__}: {e}"
        report["traceback"] = traceback.format_exc()
    finally:
        if hub is not None:
            hub.stop()
        kill_learner_processes(uids)
        for name in uids:
            run("userdel", "--remove", name, check=False)
            subprocess.run(["rm", "-rf", f"/tmp/perfnb-{name}"], check=False)
        try:
            with open(os.path.join(args.work, "jupyterhub.log")) as f:
                report["hub_log_tail"] = f.read()[-4000:]
        except OSError:
            pass
        with open(args.report, "w") as f:
            json.dump(report, f, indent=1)
    return 0 if "failure" not in report else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    for option in ("--work", "--prefix", "--workbooks", "--instructor", "--singleuser", "--snippet", "--report"):
        parser.add_argument(option, required=True)
    parser.add_argument("--learners", type=int, default=5)
    parser.add_argument("--tag", help="learners are named pnbTAGl0, pnbTAGl1, ... (default: random)")
    sys.exit(asyncio.run(main(parser.parse_args())))
