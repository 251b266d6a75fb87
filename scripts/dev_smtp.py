"""A local SMTP server for development (`make run MAIL=1`): prints each message the app sends, decoded
(Thai subject, recipients, plain text), so a developer sees what the users would receive.

    python scripts/dev_smtp.py [PORT]     listens on 127.0.0.1:PORT (1025), Ctrl-C stops it
"""

from __future__ import annotations

import sys
import time
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller


class PrintingHandler:
    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: ANN001, N802 - aiosmtpd's hook
        message = message_from_bytes(envelope.content, policy=policy.default)
        body = message.get_body(("plain",))
        print("=" * 72, flush=False)
        print(f"อีเมลถึง: {', '.join(envelope.rcpt_tos)}")
        print(f"เรื่อง: {str(message['Subject']).strip()}")
        print(body.get_content() if body is not None else "(ไม่มีข้อความธรรมดา)", flush=True)
        return "250 Message accepted for delivery"


def main(port: int) -> None:
    controller = Controller(PrintingHandler(), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"SMTP สำหรับทดลองที่ 127.0.0.1:{port} (อีเมลทุกฉบับจะแสดงที่นี่)", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1025)
