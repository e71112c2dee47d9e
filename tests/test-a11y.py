#!/usr/bin/python3
# test-a11y.py: drives the running app through its accessibility tree
#
# Starts `gloss --library TMPDIR` (a new library imports the two bundled
# texts) and, through AT-SPI only, as an assistive technology would:
# finds the app, the library list and the article's row by its name,
# opens the article, checks that the window and the document text show
# it, then moves along the timeline with the keyboard until its
# accessible name names the 2015 GGE report (A/70/174).
#
# Needs a display and a D-Bus session (the GUI suite runs under
# `xvfb-run -a dbus-run-session meson test`), the accessibility bridge on
# (no GTK_A11Y=none, no NO_AT_BRIDGE), and Debian's python3 with
# python3-dogtail, python3-pyatspi and python3-gi (and gir1.2-gtk-3.0,
# which dogtail.rawinput loads).  Output is TAP.
#
# GTK 4.8 notes, which shape the test:
#  - list box rows offer no accessible action and Component.GrabFocus is
#    not implemented (it fails at once), so a widget is focused with a
#    click at the middle of its extents, which the tree gives relative to
#    the window (the window is at 0,0: Xvfb has no window manager; the
#    extents are a few pixels off, hence the middle);
#  - no widget reports the "showing" state, only "visible".
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback

# Dogtail refuses to start unless org.gnome.desktop.interface
# toolkit-accessibility is true; GTK 4 does not read that key, so the
# check is only skipped (no setting is written).
from dogtail.config import config

config.checkForA11y = False
config.logDebugToFile = False
config.logDebugToStdOut = False
config.defaultDelay = 0.1
config.actionDelay = 0.1
config.typingDelay = 0.05

try:
    import pyatspi  # noqa: E402
    from dogtail import rawinput, tree  # noqa: E402
except (ImportError, ValueError) as error:
    # ValueError: a missing typelib (gir1.2-gtk-3.0, gir1.2-atspi-2.0)
    print(f"Bail out! {error}: install python3-dogtail, python3-pyatspi, python3-gi, "
          "gir1.2-gtk-3.0 and gir1.2-atspi-2.0 (build-aux/gloss-dev does)", flush=True)
    sys.exit(1)

ARTICLE = "论联合国信息安全政府专家组在网络空间规范制定进程中的运作机制"
ARTICLE_TEXT = "主要国际机制"
EVENT_SYMBOL = "A/70/174"   # the 2015 GGE report
APP_TIMEOUT = 30            # seconds for the app to show up in the tree
WAIT_TIMEOUT = 20           # seconds for anything else to happen
MAX_STEPS = 100             # key presses to reach the event, at most

N_CASES = 6


class Failure(Exception):
    pass


class Tap:
    def __init__(self, n):
        self.n = 0
        self.start = time.monotonic()
        print(f"1..{n}", flush=True)

    def ok(self, what):
        self.n += 1
        print(f"ok {self.n} - {what} ({time.monotonic() - self.start:.1f} s)", flush=True)

    def not_ok(self, what):
        self.n += 1
        print(f"not ok {self.n} - {what}", flush=True)


def note(message):
    print(f"# {message}", flush=True)


def wait_for(what, check, timeout=WAIT_TIMEOUT, interval=0.1):
    """Calls check() until it returns something true, and returns that."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            result = check()
            if result:
                return result
        except Exception as error:  # the tree changes under us: try again
            last_error = error
        if time.monotonic() > deadline:
            detail = f" (last error: {last_error!r})" if last_error else ""
            raise Failure(f"{what}: nothing after {timeout} s{detail}")
        time.sleep(interval)


def has_state(node, state):
    return node.getState().contains(state)


def find(root, what, pred, timeout=WAIT_TIMEOUT):
    """The first node under root for which pred is true, waiting for it."""
    return wait_for(what, lambda: root.findChild(pred, retry=False, requireResult=False),
                    timeout)


def click_middle(node):
    x, y, width, height = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    if width <= 0 or height <= 0:
        raise Failure(f"{node.roleName} {node.name!r} has no size on screen")
    rawinput.click(x + width // 2, y + height // 2)


def focus(node):
    """Gives node the keyboard focus: Component.grabFocus, and where that
    is not implemented (GTK 4.8), a click on the node."""
    try:
        if node.grabFocus() and has_state(node, pyatspi.STATE_FOCUSED):
            return
    except Exception:
        pass
    click_middle(node)
    wait_for(f"focus on {node.roleName} {node.name!r}",
             lambda: has_state(node, pyatspi.STATE_FOCUSED))


def press_until_name_changes(node, key):
    before = node.name
    rawinput.pressKey(key)
    return wait_for(f"{key} on {before!r}: a new name",
                    lambda: node.name if node.name != before else None)


class App:
    def __init__(self, binary, scratch):
        """Starts gloss on a new library in scratch, with its own home
        there, so that nothing is read from or written to the user's."""
        home = os.path.join(scratch, "home")
        env = dict(os.environ, HOME=home)
        for name, sub in (("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                          ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):
            env[name] = os.path.join(home, sub)
            os.makedirs(env[name])
        self.process = subprocess.Popen([binary, "--library", os.path.join(scratch, "library")],
                                        env=env)

    def check_running(self):
        code = self.process.poll()
        if code is not None:
            raise Failure(f"gloss exited with status {code}")

    def find_in_tree(self):
        """The app's node, found by its process id."""
        def check():
            self.check_running()
            for app in tree.root.children:
                if app is not None and app.get_process_id() == self.process.pid:
                    return app
            return None
        return wait_for("gloss in the accessibility tree (is the bridge on, "
                        "and a D-Bus session running?)", check, timeout=APP_TIMEOUT,
                        interval=0.25)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def window_title(app):
    frame = app.findChild(lambda n: n.roleName == "frame", retry=False, requireResult=False)
    return frame.name if frame else None


def document_text(app):
    node = app.findChild(lambda n: n.roleName == "text" and n.name == "Document text",
                         retry=False, requireResult=False)
    return node.text if node else None


def is_timeline(node):
    # the timeline's name always names the selected event; its
    # description says how to move along it
    return (node.roleName == "list" and node.description is not None and
            node.description.startswith("Left and Right move from event to event"))


def visible_with_size(node):
    if not has_state(node, pyatspi.STATE_VISIBLE):
        return False
    _, _, width, height = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return width > 0 and height > 0


def run(app_node, tap):
    # -- the library list and the article's row, by name
    library = find(app_node, "the library list 'Documents'",
                   lambda n: n.roleName == "list" and n.name == "Documents")
    row = find(library, f"the article's row {ARTICLE!r}",
               lambda n: n.roleName == "list item" and n.name == ARTICLE)
    rows = [n for n in library.children if n.roleName == "list item"]
    others = [n for n in rows if n.name != ARTICLE]
    if not others:
        raise Failure(f"the library lists only {[n.name for n in rows]!r}")
    tap.ok(f"the library list names the article's row ({len(rows)} documents)")

    # -- another document first, so that opening the article is seen
    other = others[0]
    click_middle(other)
    wait_for(f"the window titled {other.name!r}", lambda: window_title(app_node) == other.name)
    tap.ok(f"a click on a row opens its document ({other.name})")

    # -- the article: its row focused with the keyboard, then Enter
    key = "Up" if rows.index(row) < rows.index(other) else "Down"
    for _ in range(len(rows)):
        if has_state(row, pyatspi.STATE_FOCUSED):
            break
        rawinput.pressKey(key)
        time.sleep(0.2)
    wait_for("focus on the article's row", lambda: has_state(row, pyatspi.STATE_FOCUSED))
    rawinput.pressKey("Return")
    wait_for(f"the window titled {ARTICLE!r}", lambda: window_title(app_node) == ARTICLE)
    text = wait_for(f"{ARTICLE_TEXT!r} in the document text",
                    lambda: (t := document_text(app_node)) and ARTICLE_TEXT in t and t)
    tap.ok(f"Enter on the article's row opens it ({len(text)} characters of text)")

    # -- the timeline, turned on if it is not shown
    timeline = app_node.findChild(is_timeline, retry=False, requireResult=False)
    if timeline is None or not visible_with_size(timeline):
        note("the timeline is not shown: turning it on")
        toggle = find(app_node, "the 'Show timeline' button",
                      lambda n: n.name == "Show timeline" and "button" in n.roleName)
        if not (has_state(toggle, pyatspi.STATE_CHECKED) or
                has_state(toggle, pyatspi.STATE_PRESSED)):
            toggle.doActionNamed("click")
        # narrow panels show one at a time, picked with a switcher
        switch = app_node.findChild(lambda n: n.name == "Timeline" and n.roleName == "push button",
                                    retry=False, requireResult=False)
        if switch is not None and has_state(switch, pyatspi.STATE_VISIBLE):
            switch.doActionNamed("click")
        timeline = find(app_node, "the timeline", lambda n: is_timeline(n) and visible_with_size(n))
    focus(timeline)
    tap.ok(f"the timeline takes the focus ({timeline.name})")

    # -- event by event, to the 2015 GGE report
    if not has_state(timeline, pyatspi.STATE_FOCUSED):
        raise Failure("the timeline lost the focus")
    rawinput.pressKey("Home")
    name = wait_for("Home: the first event",
                    lambda: timeline.name if "no event selected" not in timeline.name else None)
    steps = 0
    while EVENT_SYMBOL not in name:
        if steps >= MAX_STEPS:
            raise Failure(f"{EVENT_SYMBOL} not reached after {MAX_STEPS} presses of Right; "
                          f"last: {name!r}")
        name = press_until_name_changes(timeline, "Right")
        steps += 1
    note(f"after {steps} presses of Right: {name}")
    # and back and forth: Left leaves it, Right comes back to it
    before = press_until_name_changes(timeline, "Left")
    if EVENT_SYMBOL in before:
        raise Failure(f"Left stayed on {before!r}")
    again = press_until_name_changes(timeline, "Right")
    if again != name:
        raise Failure(f"Right after Left: {again!r}, not {name!r}")
    tap.ok(f"Right reaches {EVENT_SYMBOL} by name in {steps} steps, Left and Right go back and forth")


def main():
    binary = os.environ.get("GLOSS_BINARY")
    if not binary or not os.path.exists(binary):
        print(f"Bail out! GLOSS_BINARY not set or missing: {binary!r}", flush=True)
        return 1
    if os.environ.get("GTK_A11Y") == "none" or os.environ.get("NO_AT_BRIDGE") == "1":
        print("Bail out! the accessibility bridge is off (GTK_A11Y=none or NO_AT_BRIDGE=1)",
              flush=True)
        return 1

    # meson ends a test that runs out of time with SIGTERM: still stop the app
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))

    tap = Tap(N_CASES)
    scratch = tempfile.mkdtemp(prefix="gloss-a11y-")
    app = App(binary, scratch)
    status = 0
    try:
        app_node = app.find_in_tree()
        tap.ok(f"gloss appears in the accessibility tree as {app_node.name!r}")
        run(app_node, tap)
        app.check_running()
    except Failure as failure:
        tap.not_ok(str(failure))
        status = 1
    except Exception as error:
        tap.not_ok(f"unexpected error: {error!r}")
        for line in traceback.format_exc().splitlines():
            note(line)
        status = 1
    finally:
        app.stop()
        shutil.rmtree(scratch, ignore_errors=True)
    if tap.n < N_CASES:
        print(f"Bail out! stopped after {tap.n} of {N_CASES}", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
