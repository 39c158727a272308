"""Drives LibreOffice over UNO for lettrine's Word tests.

    python3 libreoffice.py FILE.docx...

For each file: opens it in a headless LibreOffice (a throwaway profile),
counts its tracked changes, then accepts all of them and writes the text it
reads to FILE.accepted.txt, and rejects all of them (from the file again)
and writes FILE.rejected.txt. Prints one line per file: `FILE<TAB>COUNT`.

The text is in reading order: the first page's header, the body with each
frame's text where the frame is anchored (frames by their position on the
page, top to bottom, then left to right), then the first page's footer, one
paragraph a line.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

import re
import zipfile

import uno
from com.sun.star.beans import PropertyValue


def without_comments(path, folder):
    """A copy of the package without its comments. Debian's
    libreoffice-writer-nogui lacks the UI files of the comment sidebar, and
    LibreOffice aborts when it lays out a commented document in a view (a
    conversion has no view, so `soffice --convert-to` reads the original).
    The comments themselves are checked in the package by lettrine's tests.
    """
    copy = os.path.join(folder, os.path.basename(path))
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/comments.xml":
                continue
            if item.filename.startswith("word/") and item.filename.endswith(".xml"):
                text = data.decode("utf-8")
                text = re.sub(r"<w:commentRange(Start|End) w:id=\"\d+\"/>", "", text)
                text = re.sub(r"<w:r>(<w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr>)?<w:commentReference w:id=\"\d+\"/></w:r>", "", text)
                text = re.sub(r"<Relationship Id=\"[^\"]*\" Type=\"[^\"]*/comments\" Target=\"comments.xml\"/>", "", text)
                data = text.encode("utf-8")
            if item.filename == "[Content_Types].xml":
                data = re.sub(rb"<Override PartName=\"/word/comments.xml\"[^>]*/>", b"", data)
            zout.writestr(item, data)
    return copy


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def paragraphs(text, out):
    """The paragraphs of a text (a body, a frame, a cell) in order; the
    frames anchored in a paragraph come before its own text."""
    enum = text.createEnumeration()
    while enum.hasMoreElements():
        part = enum.nextElement()
        if part.supportsService("com.sun.star.text.TextTable"):
            for name in part.getCellNames():
                paragraphs(part.getCellByName(name), out)
            continue
        frames = []
        try:
            anchored = part.createContentEnumeration("com.sun.star.text.TextContent")
            while anchored.hasMoreElements():
                content = anchored.nextElement()
                if content.supportsService("com.sun.star.text.TextFrame"):
                    pos = content.getPropertyValue("VertOrientPosition"), content.getPropertyValue("HoriOrientPosition")
                    frames.append((pos, content))
        except Exception:
            pass
        for _, frame in sorted(frames, key=lambda f: f[0]):
            paragraphs(frame.getText(), out)
        out.append(part.getString())


def read(doc):
    out = []
    body = doc.getText()
    first = body.createEnumeration().nextElement()
    style = doc.getStyleFamilies().getByName("PageStyles").getByName(first.getPropertyValue("PageStyleName"))
    for on, part in (("HeaderIsOn", "HeaderTextFirst"), ("HeaderIsOn", "HeaderText")):
        if style.getPropertyValue(on) and style.getPropertySetInfo().hasPropertyByName(part):
            text = style.getPropertyValue(part)
            if text is not None:
                paragraphs(text, out)
                break
    paragraphs(body, out)
    for on, part in (("FooterIsOn", "FooterTextFirst"), ("FooterIsOn", "FooterText")):
        if style.getPropertyValue(on) and style.getPropertySetInfo().hasPropertyByName(part):
            text = style.getPropertyValue(part)
            if text is not None:
                paragraphs(text, out)
                break
    return "\n".join(out) + "\n"


def main(files):
    profile = tempfile.mkdtemp(prefix="lettrine-lo-")
    pipe = "lettrine-%d" % os.getpid()
    soffice = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
            "--accept=pipe,name=%s;urp;" % pipe,
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(300):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.1)
        if ctx is None:
            sys.exit("LibreOffice did not start")
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        copies = tempfile.mkdtemp(prefix="lettrine-docx-")
        for path in files:
            url = uno.systemPathToFileUrl(os.path.abspath(without_comments(path, copies)))
            count = None
            for action, command in (("accepted", ".uno:AcceptAllTrackedChanges"), ("rejected", ".uno:RejectAllTrackedChanges")):
                doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
                if doc is None:
                    sys.exit("LibreOffice could not open " + path)
                if count is None:
                    count = doc.getRedlines().getCount()
                    with open(path + ".original.txt", "w", encoding="utf-8") as f:
                        f.write(read(doc))
                dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
                with open(path + "." + action + ".txt", "w", encoding="utf-8") as f:
                    f.write(read(doc))
                doc.close(True)
            print("%s\t%d" % (path, count), flush=True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            soffice.wait(timeout=20)
        except Exception:
            soffice.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
