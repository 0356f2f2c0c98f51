#!/usr/bin/env python3
"""The three-region outage drill, on Prometheus's own machinery (run it with examples/drill/run.sh).

Each region (eu-west, us-east, ap-south) runs, in its own network namespace (or on its own loopback address):
the demo music service, a `uxprobe serve --region R` agent, and a Prometheus in agent mode that scrapes the agent
and remote-writes to one central Prometheus. The central Prometheus evaluates the shipped rules
(examples/prometheus/rules) and sends alerts to Alertmanager (the shipped examples/prometheus/alertmanager.yml,
with our receiver and short group timers), which routes them to webhook.py, which records what arrives.

The drill breaks eu-west (soft_html: 200 OK with "Something went wrong"), expects the central store to show it
failing and no page; breaks us-east, expects the N-of-M page within the rule's `for` plus one evaluation
interval, naming the journey, both regions and the error users saw; heals both and expects the page to resolve.
It prints a timeline, as seen at each hop, and exits 0 only when every expectation held.
"""
import argparse
import datetime
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
REGIONS = ["eu-west", "us-east", "ap-south"]
JOURNEY = "search"
SIGNATURE = "something_went_wrong"  # what the demo's soft_html outage shows users
OUTAGE = "soft_html"

# Ports, the same in every region (each region looks like the others, as real ones do); the usual ones plus 10000,
# so that a Prometheus or an agent already running on this machine does not stand in the way.
DEMO_PORT, AGENT_PORT, PROMETHEUS_PORT, ALERTMANAGER_PORT, WEBHOOK_PORT = 18080, 19716, 19090, 19093, 19095

# The drill's own short timers (the shipped configs use 15 s, 15 s and 30 s): the journey file's interval is 5 s.
SCRAPE_INTERVAL_S = 2
EVALUATION_INTERVAL_S = 2
GROUP_WAIT_S = 1
GROUP_INTERVAL_S = 2
# What the page may take beyond `for` + one evaluation interval + group_wait: Prometheus's send and Alertmanager's
# webhook call, on a machine whose two cores run a dozen processes.
PAGE_SLACK_S = 3


class DrillFailed(Exception):
    """An expectation that did not hold; the drill stops there."""


# ---------------------------------------------------------------------------------------------------------------
# Where the regions live


class Namespaces:
    """One network namespace per region, joined to the host by a veth pair; the central services listen on an
    address of the host's own (on lo), which every region reaches through its default route."""

    mode = "network namespaces"
    central = "10.201.0.1"

    def address(self, region):
        return "10.201.%d.2" % (REGIONS.index(region) + 1)

    @staticmethod
    def namespace(region):
        return "uxdrill-" + region

    def wrap(self, region, argv):
        return ["ip", "netns", "exec", self.namespace(region)] + argv

    def setup(self):
        self.teardown()
        ip("addr", "add", self.central + "/32", "dev", "lo")
        for i, region in enumerate(REGIONS, start=1):
            ns, host, peer = self.namespace(region), "uxdrill%d" % i, "uxdrill%dp" % i
            ip("netns", "add", ns)
            ip("link", "add", host, "type", "veth", "peer", "name", peer)
            ip("link", "set", peer, "netns", ns)
            ip("addr", "add", "10.201.%d.1/30" % i, "dev", host)
            ip("link", "set", host, "up")
            ip("-n", ns, "link", "set", "lo", "up")
            ip("-n", ns, "link", "set", peer, "name", "eth0")
            ip("-n", ns, "addr", "add", self.address(region) + "/30", "dev", "eth0")
            ip("-n", ns, "link", "set", "eth0", "up")
            ip("-n", ns, "route", "add", "default", "via", "10.201.%d.1" % i)

    def teardown(self):
        for i, region in enumerate(REGIONS, start=1):
            ip("netns", "del", self.namespace(region), check=False)  # takes the veth pair with it
            ip("link", "del", "uxdrill%d" % i, check=False)
        ip("addr", "del", self.central + "/32", "dev", "lo", check=False)


class Loopback:
    """Every region on its own loopback address (127.0.N.1), where namespaces are not available."""

    mode = "loopback addresses"
    central = "127.0.9.1"

    def address(self, region):
        return "127.0.%d.1" % (REGIONS.index(region) + 1)

    def wrap(self, region, argv):
        return argv

    def setup(self):
        pass

    def teardown(self):
        pass


def ip(*args, check=True):
    done = subprocess.run(["ip"] + list(args), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if check and done.returncode != 0:
        raise RuntimeError("ip %s: %s" % (" ".join(args), done.stderr.strip()))
    return done.returncode == 0


def choose_network(wanted):
    if wanted == "loopback":
        return Loopback(), "asked for"
    why = None
    if os.geteuid() != 0:
        why = "not root"
    elif shutil.which("ip") is None:
        why = "no ip command"
    else:
        probe = "uxdrill-probe"
        if ip("netns", "add", probe, check=False):
            ip("netns", "del", probe, check=False)
        else:
            why = "ip netns add failed"
    if why is None:
        return Namespaces(), "root with ip netns"
    if wanted == "netns":
        raise SystemExit("drill: --network netns, but %s" % why)
    return Loopback(), why


# ---------------------------------------------------------------------------------------------------------------
# The processes


class Processes:
    """Every process the drill starts, each in its own process group, with its output in the work folder."""

    def __init__(self, workdir):
        self.workdir = workdir
        self.started = []

    def start(self, name, argv, env=None):
        log = open(os.path.join(self.workdir, name + ".log"), "w", encoding="utf-8")
        proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                cwd=ROOT, env=env, start_new_session=True)
        log.close()
        self.started.append((name, proc))
        return proc

    def check_alive(self):
        for name, proc in self.started:
            if proc.poll() is not None:
                raise DrillFailed("%s exited with %s: see %s" % (name, proc.returncode,
                                                                  os.path.join(self.workdir, name + ".log")))

    def stop_all(self):
        for _, proc in reversed(self.started):
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        deadline = time.time() + 15
        for _, proc in reversed(self.started):
            try:
                proc.wait(max(0.1, deadline - time.time()))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


# ---------------------------------------------------------------------------------------------------------------
# Talking to the hops


def http(method, url, timeout=3):
    request = urllib.request.Request(url, method=method, data=b"" if method == "POST" else None)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status, response.read().decode("utf-8")


def answers(url):
    try:
        return http("GET", url)[0] == 200
    except (urllib.error.URLError, OSError):
        return False


class Central:
    """The central Prometheus's and Alertmanager's HTTP APIs."""

    def __init__(self, address):
        self.prometheus = "http://%s:%d" % (address, PROMETHEUS_PORT)
        self.alertmanager = "http://%s:%d" % (address, ALERTMANAGER_PORT)

    def query(self, expr):
        _, body = http("GET", self.prometheus + "/api/v1/query?" + urllib.parse.urlencode({"query": expr}))
        return json.loads(body)["data"]["result"]

    def samples(self, series, seconds):
        """(timestamp, value) of every stored sample of `series` over the last `seconds`."""
        out = []
        for s in self.query("%s[%ds]" % (series, seconds)):
            out += [(float(t), v) for t, v in s["values"]]
        return sorted(out)

    def rule_alerts(self, name):
        _, body = http("GET", self.prometheus + "/api/v1/alerts")
        return [a for a in json.loads(body)["data"]["alerts"] if a["labels"].get("alertname") == name]

    def rule_for(self, name):
        _, body = http("GET", self.prometheus + "/api/v1/rules?type=alert")
        for group in json.loads(body)["data"]["groups"]:
            for rule in group["rules"]:
                if rule["name"] == name:
                    return float(rule["duration"])
        raise DrillFailed("the central Prometheus has no alerting rule %s" % name)

    def alertmanager_alerts(self, name):
        query = urllib.parse.urlencode({"filter": 'alertname="%s"' % name})
        _, body = http("GET", self.alertmanager + "/api/v2/alerts?" + query)
        return json.loads(body)


class Receiver:
    """What the webhook receiver recorded: one (receivedAt, alert, notification status) per alert delivered."""

    def __init__(self, record):
        self.record = record

    def deliveries(self):
        out = []
        if not os.path.exists(self.record):
            return out
        with open(self.record, encoding="utf-8") as f:
            for line in f:
                entry = json.loads(line)
                for alert in entry["payload"].get("alerts", []):
                    out.append((entry["receivedAt"], alert))
        return out

    def first(self, predicate):
        for at, alert in self.deliveries():
            if predicate(alert):
                return at, alert
        return None


LOGFMT = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|\S*)')


def agent_runs(logfile):
    """Every 'journey run' line of an agent's logfmt log, as a dict with its time as unix seconds."""
    runs = []
    if not os.path.exists(logfile):
        return runs
    with open(logfile, encoding="utf-8", errors="replace") as f:
        for line in f:
            fields = {k: (v[1:-1].replace('\\"', '"') if v.startswith('"') else v) for k, v in LOGFMT.findall(line)}
            if fields.get("msg") == "journey run":
                fields["at"] = iso_seconds(fields["time"])
                runs.append(fields)
    return runs


def iso_seconds(text):
    """2026-12-01T01:56:04.438829505Z -> unix seconds (Python's parser takes at most microseconds)."""
    m = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z$", text)
    if not m:
        raise ValueError("not an instant: " + text)
    whole = datetime.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S").replace(tzinfo=datetime.timezone.utc)
    return whole.timestamp() + float("0." + (m.group(2) or "0"))


def wait_for(what, check, timeout, every=0.25, alive=None):
    """Polls `check` until it returns something truthy, which is returned; after `timeout` seconds the drill fails."""
    deadline = time.time() + timeout
    while True:
        if alive:
            alive()
        value = check()
        if value:
            return value
        if time.time() > deadline:
            raise DrillFailed("%s: not within %ds" % (what, timeout))
        time.sleep(every)


# ---------------------------------------------------------------------------------------------------------------
# The record of what happened


class Timeline:
    def __init__(self):
        self.events = []
        self.expectations = []

    def event(self, at, where, hop, text):
        self.events.append((at, where, hop, text))

    def expect(self, ok, text):
        self.expectations.append((ok, text))
        say("%s %s" % ("ok  " if ok else "FAIL", text))
        if not ok:
            raise DrillFailed(text)

    def render(self, zero):
        lines = ["%9s  %-9s %-27s %s" % ("time", "where", "hop", "what")]
        for at, where, hop, text in sorted(self.events, key=lambda e: e[0]):
            lines.append("%9s  %-9s %-27s %s" % (clock(at - zero), where, hop, text))
        return "\n".join(lines)


def clock(seconds):
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    return "%s%d:%04.1f" % (sign, seconds // 60, seconds % 60)


# ---------------------------------------------------------------------------------------------------------------
# The drill


class Drill:
    def __init__(self, network, workdir, uxprobe):
        self.net = network
        self.workdir = workdir
        self.uxprobe = uxprobe
        self.procs = Processes(workdir)
        self.central = Central(network.central)
        self.receiver = Receiver(os.path.join(workdir, "received.jsonl"))
        self.timeline = Timeline()
        self.delays = []
        self.zero = None  # when eu-west broke: the timeline's 0:00

    # -- setup ---------------------------------------------------------------------------------------------------

    def write(self, name, text):
        path = os.path.join(self.workdir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def alertmanager_config(self):
        """The shipped Alertmanager config, with our receiver and the drill's short group timers."""
        with open(os.path.join(ROOT, "examples/prometheus/alertmanager.yml"), encoding="utf-8") as f:
            text = f.read()
        for old, new in [("http://webhook.example.invalid:8080/alerts", "http://%s:%d/alerts" % (self.net.central, WEBHOOK_PORT)),
                         ("group_wait: 30s", "group_wait: %ds" % GROUP_WAIT_S),
                         ("group_interval: 5m", "group_interval: %ds" % GROUP_INTERVAL_S)]:
            if text.count(old) != 1:
                raise DrillFailed("examples/prometheus/alertmanager.yml no longer has '%s': update the drill" % old)
            text = text.replace(old, new)
        return self.write("alertmanager.yml", text)

    def central_config(self):
        rules = os.path.join(ROOT, "examples/prometheus/rules/*.yml")
        return self.write("central.yml", """# the central Prometheus: remote-written series from every region, the shipped rules
global:
  evaluation_interval: %ds
rule_files: ['%s']
alerting:
  alertmanagers:
    - static_configs: [{targets: ['%s:%d']}]
""" % (EVALUATION_INTERVAL_S, rules, self.net.central, ALERTMANAGER_PORT))

    def region_config(self, region):
        return self.write("prometheus-%s.yml" % region, """# %s's Prometheus in agent mode: scrapes the region's agent, remote-writes to the central one
global:
  scrape_interval: %ds
scrape_configs:
  - job_name: uxprobe
    static_configs: [{targets: ['%s:%d']}]
remote_write:
  - url: http://%s:%d/api/v1/write
    queue_config: {batch_send_deadline: 1s, min_backoff: 100ms, max_backoff: 2s}
""" % (region, SCRAPE_INTERVAL_S, self.net.address(region), AGENT_PORT, self.net.central, PROMETHEUS_PORT))

    def start(self):
        started = time.time()
        prometheus, alertmanager = binary("prometheus"), binary("prometheus-alertmanager", "alertmanager")
        agent_mode = ["--agent"] if "--agent" in subprocess.run([prometheus, "--help"], capture_output=True,
                                                                 text=True).stderr else ["--enable-feature=agent"]
        central = self.net.central
        self.procs.start("webhook", [sys.executable, os.path.join(HERE, "webhook.py"), central, str(WEBHOOK_PORT),
                                     self.receiver.record])
        self.procs.start("alertmanager", [alertmanager, "--config.file=" + self.alertmanager_config(),
                                          "--storage.path=" + os.path.join(self.workdir, "alertmanager-data"),
                                          "--web.listen-address=%s:%d" % (central, ALERTMANAGER_PORT),
                                          "--cluster.listen-address="])
        self.procs.start("prometheus-central", [prometheus, "--config.file=" + self.central_config(),
                                                "--storage.tsdb.path=" + os.path.join(self.workdir, "central-data"),
                                                "--web.listen-address=%s:%d" % (central, PROMETHEUS_PORT),
                                                "--web.enable-remote-write-receiver"])
        journeys = os.path.join(HERE, "journeys.yaml")
        for region in REGIONS:
            at = self.net.address(region)
            self.procs.start("demo-" + region, self.net.wrap(region, [
                self.uxprobe, "demo", "--service-only", "--regions", "%s=%d" % (region, DEMO_PORT), "--bind", at]))
            self.procs.start("agent-" + region, self.net.wrap(region, [
                self.uxprobe, "serve", journeys, "--region", region, "--listen", "%s:%d" % (at, AGENT_PORT),
                "--var", "base=http://%s:%d" % (at, DEMO_PORT), "--no-watch"]))
            self.procs.start("prometheus-" + region, self.net.wrap(region, [prometheus] + agent_mode + [
                "--config.file=" + self.region_config(region),
                "--storage.agent.path=" + os.path.join(self.workdir, "agent-data-" + region),
                "--web.listen-address=%s:%d" % (at, PROMETHEUS_PORT)]))
        ready = [("webhook receiver", "http://%s:%d/healthz" % (central, WEBHOOK_PORT)),
                 ("Alertmanager", self.central.alertmanager + "/-/ready"),
                 ("central Prometheus", self.central.prometheus + "/-/ready")]
        for region in REGIONS:
            at = self.net.address(region)
            ready += [("%s demo service" % region, "http://%s:%d/healthz" % (at, DEMO_PORT)),
                      ("%s agent" % region, "http://%s:%d/-/ready" % (at, AGENT_PORT)),
                      ("%s Prometheus agent" % region, "http://%s:%d/-/ready" % (at, PROMETHEUS_PORT))]
        say("started %d processes; waiting until each answers" % len(self.procs.started))
        for what, url in ready:
            wait_for(what + " ready at " + url, lambda: answers(url), 120, alive=self.procs.check_alive)
        self.timeline.event(started, "", "drill", "%d processes started" % len(self.procs.started))
        self.timeline.event(time.time(), "", "drill", "every process ready (agents: every journey ran once)")

    # -- observations ---------------------------------------------------------------------------------------------

    def success(self, region):
        """The central store's latest uxprobe_journey_success for the region, or None."""
        result = self.central.query('uxprobe_journey_success{journey="%s", region="%s"}' % (JOURNEY, region))
        return result[0]["value"][1] if result else None

    def failing_regions(self):
        return sorted(s["metric"]["region"] for s in self.central.query(
            'journey_region:uxprobe_journey_failing:last_run_or_ratio5m{journey="%s"}' % JOURNEY))

    def outage_alerts(self):
        return [a for a in self.central.rule_alerts("JourneyOutage") if a["labels"].get("journey") == JOURNEY]

    def pages(self):
        return [(at, a) for at, a in self.receiver.deliveries() if a["labels"].get("severity") == "page"]

    def first_run(self, region, result, since):
        for run in agent_runs(os.path.join(self.workdir, "agent-%s.log" % region)):
            if run["at"] >= since and run.get("journey") == JOURNEY and run.get("result") == result:
                return run
        return None

    def follow(self, region, value, since, label):
        """Follows one change of a region's result through agent, regional Prometheus and central store; returns when
        the agent logged it, when it was scraped (None if the sample is not found) and when the central store held it."""
        result = "failure" if value == "0" else "success"
        run = wait_for("%s agent logs a %s" % (region, result), lambda: self.first_run(region, result, since), 60,
                       alive=self.procs.check_alive)
        detail = " (%s, %s)" % (run.get("reason"), run.get("signature")) if result == "failure" else ""
        trace = " trace_id=" + run["trace_id"] if "trace_id" in run else ""
        self.timeline.event(run["at"], region, "agent", "run %s%s%s" % (result, detail, trace))
        seen = wait_for("central store shows %s %s" % (region, label), lambda: self.success(region) == value and time.time(),
                        60, alive=self.procs.check_alive)
        scraped = [t for t, v in self.central.samples('uxprobe_journey_success{journey="%s", region="%s"}' % (JOURNEY, region), 120)
                   if t >= since and v == value]
        if scraped:
            self.timeline.event(scraped[0], region, "Prometheus agent: scrape", "sample uxprobe_journey_success=%s" % value)
        self.timeline.event(seen, "central", "Prometheus: stored", "%s %s (remote write)" % (region, label))
        return run["at"], (scraped[0] if scraped else None), seen

    def no_page_while(self, seconds, why):
        end = time.time() + seconds
        while time.time() < end:
            self.procs.check_alive()
            outage = self.outage_alerts()
            if outage or self.pages():
                self.timeline.expect(False, "no page while %s (JourneyOutage %s, %d pages received)"
                                     % (why, outage[0]["state"] if outage else "inactive", len(self.pages())))
            time.sleep(0.5)
        self.timeline.expect(True, "no page while %s (watched JourneyOutage for %ds)" % (why, seconds))

    # -- the drill ------------------------------------------------------------------------------------------------

    def outage(self, region, mode):
        url = "http://%s:%d/admin/outage?mode=%s" % (self.net.address(region), DEMO_PORT, mode)
        status, _ = http("POST", url)
        at = time.time()
        if status != 200:
            raise DrillFailed("POST %s answered %d" % (url, status))
        self.timeline.event(at, region, "demo service", "outage %s" % mode if mode != "none" else "healed")
        return at

    def run(self):
        self.start()
        for_s = self.central.rule_for("JourneyOutage")
        baseline = wait_for("central store shows every region passing",
                            lambda: all(self.success(r) == "1" for r in REGIONS) and time.time(), 120,
                            alive=self.procs.check_alive)
        self.timeline.event(baseline, "central", "Prometheus: stored", "every region passes")
        self.timeline.expect(not self.failing_regions() and not self.outage_alerts(),
                             "before the drill: no region failing, no JourneyOutage")

        # 1. One region: the central store shows it failing, and nobody is paged.
        say("breaking eu-west (%s)" % OUTAGE)
        broke_eu = self.zero = self.outage("eu-west", OUTAGE)
        agent_eu, scraped_eu, seen_eu = self.follow("eu-west", "0", broke_eu, "failing")
        recorded = wait_for("the rules record eu-west failing", lambda: self.failing_regions() == ["eu-west"] and time.time(),
                            30, alive=self.procs.check_alive)
        self.timeline.event(recorded, "central", "rules", "journey_region:uxprobe_journey_failing: eu-west")
        others = {r: self.success(r) for r in REGIONS if r != "eu-west"}
        self.timeline.expect(others == {"us-east": "1", "ap-south": "1"},
                             "central store shows eu-west failing, us-east and ap-south passing")
        ticket = wait_for("ErrorMessageShown ticket for eu-west at the receiver", lambda: self.receiver.first(
            lambda a: a["labels"].get("alertname") == "ErrorMessageShown" and a["labels"].get("region") == "eu-west"),
                          60, alive=self.procs.check_alive)
        self.timeline.event(ticket[0], "central", "receiver", "ticket ErrorMessageShown (eu-west, %s)"
                            % ticket[1]["labels"].get("signature"))
        self.no_page_while(5 * EVALUATION_INTERVAL_S, "only eu-west fails")
        self.delays.append(("eu-west broken", broke_eu, [("agent: failed run logged", agent_eu),
                                                         ("Prometheus agent: scraped", scraped_eu),
                                                         ("central: stored", seen_eu),
                                                         ("receiver: ticket", ticket[0])]))

        # 2. A second region: the N-of-M page.
        say("breaking us-east (%s): the page should come in about %ds" % (OUTAGE, for_s))
        broke_us = self.outage("us-east", OUTAGE)
        agent_us, scraped_us, seen_us = self.follow("us-east", "0", broke_us, "failing")
        pending = wait_for("JourneyOutage pending", lambda: self.outage_alerts(), 30, alive=self.procs.check_alive)[0]
        active_at = iso_seconds(pending["activeAt"])
        self.timeline.event(active_at, "central", "rules", "JourneyOutage pending (%d regions)" % float(pending["value"]))
        page = wait_for("the page at the receiver", lambda: self.pages() and self.pages()[0], for_s + 60,
                        alive=self.procs.check_alive)
        firing = [a for a in self.outage_alerts() if a["state"] == "firing"]
        fired = self.central.samples('ALERTS{alertname="JourneyOutage", alertstate="firing", journey="%s"}' % JOURNEY, 600)
        if fired:
            self.timeline.event(fired[0][0], "central", "rules", "JourneyOutage firing")
        in_am = self.central.alertmanager_alerts("JourneyOutage")
        if in_am:
            self.timeline.event(iso_seconds(in_am[0]["updatedAt"]), "central", "Alertmanager", "JourneyOutage received (%s)" % in_am[0]["status"]["state"])
        page_at, alert = page
        self.timeline.event(page_at, "central", "receiver", "PAGE %s: %s" % (alert["labels"]["alertname"], alert["annotations"].get("summary")))
        self.check_page(alert, firing)
        bound = seen_us + for_s + EVALUATION_INTERVAL_S + GROUP_WAIT_S + PAGE_SLACK_S
        self.timeline.expect(page_at <= bound, "the page came %.1fs after the central store showed us-east failing: within "
                             "for %ds + one evaluation %ds + group_wait %ds (+%ds to send)"
                             % (page_at - seen_us, for_s, EVALUATION_INTERVAL_S, GROUP_WAIT_S, PAGE_SLACK_S))
        self.timeline.expect(page_at >= active_at + for_s, "and not before JourneyOutage was pending for %ds" % for_s)
        self.delays.append(("us-east broken (the second region)", broke_us, [
            ("agent: failed run logged", agent_us), ("Prometheus agent: scraped", scraped_us), ("central: stored", seen_us),
            ("rules: JourneyOutage pending", active_at), ("rules: JourneyOutage firing", fired[0][0] if fired else None),
            ("receiver: page", page_at)]))

        # 3. Heal both: the page resolves.
        say("healing both: the page should resolve once one region's 5-minute success ratio is above one half")
        healed = self.outage("eu-west", "none")
        self.outage("us-east", "none")
        agent_ok, _, seen_ok = self.follow("us-east", "1", healed, "passing")
        self.follow("eu-west", "1", healed, "passing")
        inactive = wait_for("JourneyOutage inactive", lambda: not self.outage_alerts() and time.time(), 420, every=0.5,
                            alive=self.procs.check_alive)
        self.timeline.event(inactive, "central", "rules", "JourneyOutage inactive (failing in %s)"
                            % (", ".join(self.failing_regions()) or "no region"))
        resolved = wait_for("the page resolved at the receiver", lambda: self.receiver.first(
            lambda a: a["labels"].get("alertname") == "JourneyOutage" and a["status"] == "resolved"), 60,
                            alive=self.procs.check_alive)
        self.timeline.event(resolved[0], "central", "receiver", "RESOLVED JourneyOutage")
        self.timeline.expect(True, "JourneyOutage resolved %.0fs after both regions healed (the 5-minute success ratio of "
                             "one region rose above one half)" % (resolved[0] - healed))
        self.delays.append(("both healed", healed, [("agent: passing run logged (us-east)", agent_ok),
                                                    ("central: stored (us-east)", seen_ok),
                                                    ("rules: JourneyOutage inactive", inactive),
                                                    ("receiver: resolved", resolved[0])]))

    def check_page(self, alert, firing):
        labels, text = alert["labels"], alert["annotations"].get("description", "")
        self.timeline.expect(labels.get("alertname") == "JourneyOutage" and labels.get("severity") == "page"
                             and labels.get("journey") == JOURNEY, "the page is JourneyOutage, severity page, journey %s" % JOURNEY)
        named = re.search(r"in \d+ regions: (.*?)\.\s", text)
        regions = sorted(re.findall(r"(eu-west|us-east|ap-south) \(", named.group(1))) if named else []
        self.timeline.expect(regions == ["eu-west", "us-east"], "the page names the failing regions eu-west and us-east "
                             "(it names %s)" % (", ".join(regions) or "none"))
        self.timeline.expect(SIGNATURE in text, "the page names the error users saw (%s)" % SIGNATURE)
        self.timeline.expect(bool(firing), "the central Prometheus shows JourneyOutage firing")
        say("the page's description: " + text)

    def report(self, zero):
        print("\nTimeline (%s; 0:00.0 is the break of eu-west)" % self.net.mode)
        print(self.timeline.render(zero))
        print("\nDelays at each hop")
        for what, start, hops in self.delays:
            print("  %s at %s" % (what, clock(start - zero)))
            for hop, at in hops:
                print("    %-38s %s" % (hop, "+%.1fs" % (at - start) if at else "not seen"))


def say(text):
    print("drill: " + text, flush=True)


def binary(*names):
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit("drill: %s not found (examples/drill/run.sh installs it)" % " or ".join(names))


def interrupted(signum, frame):
    raise KeyboardInterrupt()  # SIGTERM cleans up as Ctrl-C does


def main():
    parser = argparse.ArgumentParser(description="The three-region outage drill (see examples/drill/run.sh).")
    parser.add_argument("--network", choices=["auto", "netns", "loopback"], default="auto",
                        help="where regions live: their own network namespace (needs root) or loopback address")
    parser.add_argument("--workdir", help="folder for configs, data and logs (default: a new temporary folder)")
    parser.add_argument("--uxprobe", default=os.path.join(ROOT, "uxprobe"), help="the uxprobe launcher")
    args = parser.parse_args()

    network, why = choose_network(args.network)
    workdir = args.workdir or tempfile.mkdtemp(prefix="uxprobe-drill.")
    os.makedirs(workdir, exist_ok=True)
    say("regions on %s (%s); logs in %s" % (network.mode, why, workdir))
    signal.signal(signal.SIGTERM, interrupted)
    drill = Drill(network, workdir, args.uxprobe)
    failure = None
    try:
        network.setup()
        drill.run()
    except DrillFailed as e:
        failure = str(e)
    except KeyboardInterrupt:
        failure = "interrupted"
    finally:
        drill.procs.stop_all()
        network.teardown()
    if drill.timeline.events:
        drill.report(drill.zero if drill.zero is not None else min(e[0] for e in drill.timeline.events))
    if failure:
        print("\ndrill: FAILED: %s (logs in %s)" % (failure, workdir))
        return 1
    print("\ndrill: passed: %d expectations held" % len(drill.timeline.expectations))
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
