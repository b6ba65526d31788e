"""The SMTP sink itself, proven with the standard library's SMTP client (smtplib).

Other tests trust what the sink stores, so this checks that a Chinese message with an
attachment arrives byte for byte, with its envelope, and parses back; and that with
credentials configured the sink refuses mail without AUTH. Needs no Xieshang server.

    XIESHANG_URL=http://unused .venv/bin/pytest tests/api/test_smtp_sink.py
"""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

import pytest

from support.smtp_sink import SmtpSink

DOCX_LIKE = b"PK\x03\x04" + bytes(range(256)) * 8 + b"\r\n.\r\n\x00end"


def _invitation() -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "县政协办公室 <office@zx.example.cn>"
    msg["To"] = "张委员 <zhang@example.cn>"
    msg["Subject"] = "关于召开2026年第一次专题协商座谈会的邀请函（请于三月二十日前回复）"
    msg.set_content("张委员：\n\n兹定于2026年3月25日上午9时召开专题协商座谈会。\n.以点开头的一行\n")
    msg.add_attachment(DOCX_LIKE, maintype="application",
                       subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                       filename="邀请函（2026）.docx")
    return msg


def test_chinese_message_is_stored_and_decodes(smtp_sink):
    with smtplib.SMTP("127.0.0.1", smtp_sink.port, timeout=10) as client:
        client.send_message(_invitation(), to_addrs=["zhang@example.cn", "li@example.cn"])

    [received] = smtp_sink.wait_for(1)
    assert smtp_sink.paths()[0].name == "1.eml"
    assert received["X-Envelope-To"] == "<zhang@example.cn>, <li@example.cn>"
    assert received["X-Envelope-From"] == "<office@zx.example.cn>"
    assert received["Subject"] == "关于召开2026年第一次专题协商座谈会的邀请函（请于三月二十日前回复）"
    assert received["To"].addresses[0].display_name == "张委员"
    body = received.get_body(("plain",)).get_content()
    assert "兹定于2026年3月25日上午9时" in body
    assert "\n.以点开头的一行" in body  # the sink undid the client's dot-stuffing
    [attachment] = received.iter_attachments()
    assert attachment.get_filename() == "邀请函（2026）.docx"
    assert attachment.get_content() == DOCX_LIKE
    assert b"\r\n" in smtp_sink.raw_messages()[0]  # raw bytes, line endings as sent


def test_with_credentials_mail_needs_auth(tmp_path):
    with SmtpSink(tmp_path, auth=("notice", "s3cret-2026")) as sink:
        with smtplib.SMTP("127.0.0.1", sink.port, timeout=10) as client:
            client.ehlo()
            assert "PLAIN" in client.esmtp_features.get("auth", "")
            with pytest.raises(smtplib.SMTPSenderRefused):
                client.send_message(_invitation())
        with smtplib.SMTP("127.0.0.1", sink.port, timeout=10) as client:
            client.login("notice", "s3cret-2026")
            client.send_message(_invitation())
        assert len(sink.wait_for(1)) == 1
    assert (tmp_path / "1.eml").exists()  # a directory the caller gave is left in place
