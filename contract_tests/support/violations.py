"""Planted violations of the invariants across answers (:mod:`.invariants`), as ASGI middleware around the sandbox
(:class:`.drift.Defect`): every answer stays valid against its schema, but answers no longer agree with each other.
The invariant tests run the suite's dedicated pass against each and expect the invariant named beside it to fail."""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit

from .drift import App, Defect, Exchange


def _is_list(exchange: Exchange) -> bool:
    return exchange.method == "GET" and exchange.path.rstrip("/") == "/v1/calls" and exchange.status == 200


def _is_record(exchange: Exchange) -> bool:
    parts = exchange.path.strip("/").split("/")
    return exchange.method == "GET" and len(parts) == 3 and parts[:2] == ["v1", "calls"] and exchange.status == 200


def dropped_record(app: App) -> App:
    """Each page of calls holding more than one loses its last record (``count`` and the links unchanged)."""

    def rewrite(exchange: Exchange) -> None:
        payload = exchange.json()
        calls = payload.get("_embedded", {}).get("calls") if _is_list(exchange) else None
        if isinstance(calls, list) and len(calls) > 1:
            calls.pop()
            exchange.set_json(payload)

    return Defect(app, response=rewrite)


def broken_last_link(app: App) -> App:
    """``_links.last`` leads to the first page, whatever the count."""

    def rewrite(exchange: Exchange) -> None:
        payload = exchange.json()
        last = payload.get("_links", {}).get("last") if _is_list(exchange) else None
        if isinstance(last, dict) and int(payload.get("count", 0)) > int(payload.get("page_size", 1)):
            href = urlsplit(last["href"])
            query = dict(parse_qsl(href.query))
            query["record_index"] = "0"
            last["href"] = f"{href.path}?{urlencode(query)}"
            exchange.set_json(payload)

    return Defect(app, response=rewrite)


def reverted_status(app: App) -> App:
    """A call read on its own says ``answered`` after it ended (the list still says how it ended)."""

    def rewrite(exchange: Exchange) -> None:
        payload = exchange.json()
        if _is_record(exchange) and isinstance(payload, dict) and payload.get("status") == "completed":
            payload["status"] = "answered"
            for name in ("end_time", "duration", "price", "rate", "network"):
                payload.pop(name, None)
            exchange.set_json(payload)

    return Defect(app, response=rewrite)


def mute_after_the_end(app: App) -> App:
    """Muting a call that has ended is accepted (the sandbox's 400 becomes a 204)."""

    def rewrite(exchange: Exchange) -> None:
        if exchange.method == "PUT" and exchange.status == 400 and b"call is completed" in exchange.body:
            exchange.status, exchange.body = 204, b""

    return Defect(app, response=rewrite)


def changed_to(app: App) -> App:
    """Records name another callee than the one called (``to.number`` changed)."""

    def change(record: object) -> None:
        if isinstance(record, dict) and isinstance(record.get("to"), dict) and "number" in record["to"]:
            record["to"]["number"] = "19999999999"

    def rewrite(exchange: Exchange) -> None:
        payload = exchange.json()
        if _is_record(exchange):
            change(payload)
        elif _is_list(exchange):
            for record in payload.get("_embedded", {}).get("calls", []):
                change(record)
        else:
            return
        exchange.set_json(payload)

    return Defect(app, response=rewrite)


def ended_before_it_started(app: App) -> App:
    """A completed call's ``end_time`` is a minute before its ``start_time``."""

    def rewrite(exchange: Exchange) -> None:
        payload = exchange.json()
        if _is_record(exchange) and isinstance(payload, dict) and "end_time" in payload and "start_time" in payload:
            start = datetime.fromisoformat(payload["start_time"])
            payload["end_time"] = (start - timedelta(minutes=1)).isoformat().replace("+00:00", "Z")
            exchange.set_json(payload)

    return Defect(app, response=rewrite)
