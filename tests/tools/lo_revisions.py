"""Open a .docx in LibreOffice, accept or reject every tracked change, print the text as JSON.

Run with the system Python that has LibreOffice's UNO bridge (Debian: python3-uno):

    /usr/bin/python3 tests/tools/lo_revisions.py PROFILE_DIR changes.docx [more.docx ...]

prints, for each file, {"accept": {"paragraphs": [...], "footnotes": [...]}, "reject": {...}}
as one JSON line, in the order given (one LibreOffice serves them all): each body
paragraph's text (footnote anchors, fields and superscript marks left out) and each footnote's text, in the order of
their anchors. Used by tests/test_tracked_changes.py to check the Word output through an office
suite that is not resdiff's own reading of the XML.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid


def main() -> int:
    import uno
    from com.sun.star.beans import PropertyValue

    profile, sources = os.path.abspath(sys.argv[1]), [os.path.abspath(a) for a in sys.argv[2:]]
    pipe = f"resdiff_{uuid.uuid4().hex}"
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(600):
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.1)
        if context is None:
            print("LibreOffice did not start", file=sys.stderr)
            return 1
        manager = context.ServiceManager
        desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        dispatcher = manager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)

        def prop(name, value):
            p = PropertyValue()
            p.Name, p.Value = name, value
            return p

        for source in sources:
            result = {}
            for mode, command in (("accept", ".uno:AcceptAllTrackedChanges"), ("reject", ".uno:RejectAllTrackedChanges")):
                document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0,
                                                        (prop("Hidden", True),))
                frame = document.getCurrentController().getFrame()
                dispatcher.executeDispatch(frame, command, "", 0, ())
                paragraphs, notes = [], []
                enumeration = document.getText().createEnumeration()
                while enumeration.hasMoreElements():
                    paragraph = enumeration.nextElement()
                    if not paragraph.supportsService("com.sun.star.text.Paragraph"):
                        continue
                    text = ""
                    portions = paragraph.createEnumeration()
                    while portions.hasMoreElements():
                        portion = portions.nextElement()
                        kind = portion.TextPortionType
                        if kind == "Text" and portion.CharEscapement <= 0:
                            # (a superscript run is a footnote mark cited again: LibreOffice keeps
                            # the NOTEREF field's result as text)
                            text += portion.getString()
                        elif kind == "Footnote":
                            notes.append(portion.Footnote.getString())
                    paragraphs.append(text)
                result[mode] = {"paragraphs": paragraphs, "footnotes": notes}
                document.close(True)
            print(json.dumps(result, ensure_ascii=False), flush=True)

        try:
            desktop.terminate()
        except Exception:
            pass
        return 0
    finally:
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()


if __name__ == "__main__":
    sys.exit(main())
