"""Files to download: ``GET /v1/files/{file_id}`` answers 2xx only for a file a call recorded, and a file's id reaches
only the application (a record event's ``recording_url``, a transcription callback's ``transcription_url``, sent to
its webhooks), so random ids only ever get 404.

On a sandbox a run makes its files: one call whose NCCO records :data:`RECORD_SECONDS` with a transcript, made like
any createCall case; once the record has ended (the virtual clock moved past it, or a bounded wait on a real one)
the ids are read from the sandbox's view of the call (``/_sandbox/calls/{uuid}``, its ``recordings``). A live API
sends the URLs only to the event webhook, which a contract run does not serve: there the files' success path is
reported as not checked, never as passed.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from typing import Any, Final
from urllib.parse import quote

from .run_protocol import SendingRun

JSON: Final = "application/json"
RECORD_SECONDS: Final = 3  # the shortest record timeOut the spec allows
# A record that holds the NCCO for RECORD_SECONDS (then the call ends): an mp3 file and its transcript.
RECORD: Final = {"action": "record", "timeOut": RECORD_SECONDS, "transcription": {}}
ANSWERED_AFTER: Final = 4.0  # seconds from creation to answered for an ordinary sandbox destination
POLL_INTERVAL: Final = 0.25  # seconds between looks at a served sandbox on a real clock
LIVE: Final = (
    "no recording to download: a file's id reaches only the application's event webhook, which a contract run "
    "against a live API does not serve"
)


class RecordedFiles:
    """The ids of the files this run recorded (made once per run, on a sandbox)."""

    def __init__(self, run: SendingRun, sleep: Callable[[float], None] = time.sleep) -> None:
        self.run, self.sleep = run, sleep
        self._ids: list[str] | None = None
        self.problem: str | None = None  # why there are none
        self.refused = False  # whether that is because the target is a live API: not checked, not failed

    def ids(self) -> list[str]:
        """The recording's id then its transcript's, or [] (``problem`` says why)."""
        if self._ids is None:
            self._ids = self._record()
        return list(self._ids)

    def _record(self) -> list[str]:
        target = self.run.target
        if not target.is_sandbox:
            self.problem, self.refused = LIVE, True
            return []
        create = self.run.operation("createCall")
        example = create.definition.raw["requestBody"]["content"][JSON].get("example") or {}
        body = {**copy.deepcopy(example), "ncco": [dict(RECORD)]}
        response = self.run.execute(create.Case(body=body, media_type=JSON))
        payload = _json(response) if response is not None and response.status_code == 201 else None
        if not isinstance(payload, dict) or "uuid" not in payload:
            self.problem = f"no call could record: createCall answered {getattr(response, 'status_code', None)}"
            return []
        recordings = self._wait_for_recordings(str(payload["uuid"]))
        ids = [_file_id(entry.get(key)) for entry in recordings[:1] for key in ("url", "transcript_url")]
        found = [file_id for file_id in ids if file_id]
        if not found:
            self.problem = f"call {payload['uuid']} recorded nothing within {target.wait_budget:.0f} s"
        return found

    def _wait_for_recordings(self, uuid: str) -> list[dict[str, Any]]:
        target = self.run.target
        if target.advance is not None:
            target.advance(ANSWERED_AFTER + RECORD_SECONDS + 1)
            return _recordings(self.run, uuid)
        deadline = time.monotonic() + target.wait_budget
        while True:
            found = _recordings(self.run, uuid)
            if found or time.monotonic() >= deadline:
                return found
            self.sleep(POLL_INTERVAL)


def _recordings(run: SendingRun, uuid: str) -> list[dict[str, Any]]:
    found = run.target.admin_get(f"/_sandbox/calls/{quote(uuid, safe='')}").get("recordings")
    return [entry for entry in found if isinstance(entry, dict)] if isinstance(found, list) else []


def _file_id(url: Any) -> str | None:
    """The id at the end of a recording's or a transcript's URL (``.../v1/files/<id>``)."""
    if not isinstance(url, str) or "/v1/files/" not in url:
        return None
    return url.rsplit("/", 1)[-1] or None


def _json(response: Any) -> Any:
    try:
        return response.json()
    except ValueError:
        return None
