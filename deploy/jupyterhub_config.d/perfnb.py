# PerfNotebooks on a JupyterHub: every learner's server starts through perfnb-singleuser (installed by
# deploy/install.sh), which makes the home folder 0700 and copies the released workbooks into ~/workbooks
# once. Drop this into jupyterhub_config.d/ (TLJH: /opt/tljh/config/jupyterhub_config.d/); the live hub
# test loads this very file.
import os

c = get_config()  # noqa: F821 (JupyterHub provides it when it loads this file)
c.Spawner.cmd = [os.environ.get("PERFNB_SINGLEUSER", "/usr/local/bin/perfnb-singleuser")]
# Open the learner's own copy of the workbooks, not an empty home.
c.Spawner.default_url = "/tree/workbooks"
