"""Contains all the data models used in inputs/outputs (each imported on first use)"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .advanced_machine_detection import AdvancedMachineDetection as AdvancedMachineDetection
    from .advanced_machine_detection_behavior import (
        AdvancedMachineDetectionBehavior as AdvancedMachineDetectionBehavior,
    )
    from .advanced_machine_detection_mode import AdvancedMachineDetectionMode as AdvancedMachineDetectionMode
    from .answer_webhook import AnswerWebhook as AnswerWebhook
    from .answer_webhook_custom_data import AnswerWebhookCustomData as AnswerWebhookCustomData
    from .answer_webhook_endpoint_type import AnswerWebhookEndpointType as AnswerWebhookEndpointType
    from .answered_event import AnsweredEvent as AnsweredEvent
    from .answered_event_status import AnsweredEventStatus as AnsweredEventStatus
    from .busy_event import BusyEvent as BusyEvent
    from .busy_event_status import BusyEventStatus as BusyEventStatus
    from .call import Call as Call
    from .call_endpoint_app import CallEndpointApp as CallEndpointApp
    from .call_endpoint_app_type import CallEndpointAppType as CallEndpointAppType
    from .call_endpoint_phone import CallEndpointPhone as CallEndpointPhone
    from .call_endpoint_phone_type import CallEndpointPhoneType as CallEndpointPhoneType
    from .call_endpoint_sip import CallEndpointSip as CallEndpointSip
    from .call_endpoint_sip_headers import CallEndpointSipHeaders as CallEndpointSipHeaders
    from .call_endpoint_sip_standard_headers import CallEndpointSipStandardHeaders as CallEndpointSipStandardHeaders
    from .call_endpoint_sip_type import CallEndpointSipType as CallEndpointSipType
    from .call_endpoint_vbc_extension import CallEndpointVbcExtension as CallEndpointVbcExtension
    from .call_endpoint_vbc_extension_type import CallEndpointVbcExtensionType as CallEndpointVbcExtensionType
    from .call_endpoint_websocket import CallEndpointWebsocket as CallEndpointWebsocket
    from .call_endpoint_websocket_authorization import (
        CallEndpointWebsocketAuthorization as CallEndpointWebsocketAuthorization,
    )
    from .call_endpoint_websocket_authorization_type import (
        CallEndpointWebsocketAuthorizationType as CallEndpointWebsocketAuthorizationType,
    )
    from .call_endpoint_websocket_content_type import (
        CallEndpointWebsocketContentType as CallEndpointWebsocketContentType,
    )
    from .call_endpoint_websocket_headers import CallEndpointWebsocketHeaders as CallEndpointWebsocketHeaders
    from .call_endpoint_websocket_type import CallEndpointWebsocketType as CallEndpointWebsocketType
    from .call_from import CallFrom as CallFrom
    from .call_links import CallLinks as CallLinks
    from .call_list import CallList as CallList
    from .call_list_embedded import CallListEmbedded as CallListEmbedded
    from .call_list_links import CallListLinks as CallListLinks
    from .call_status import CallStatus as CallStatus
    from .cancelled_event import CancelledEvent as CancelledEvent
    from .cancelled_event_status import CancelledEventStatus as CancelledEventStatus
    from .completed_event import CompletedEvent as CompletedEvent
    from .completed_event_disconnected_by import CompletedEventDisconnectedBy as CompletedEventDisconnectedBy
    from .completed_event_status import CompletedEventStatus as CompletedEventStatus
    from .connect_action import ConnectAction as ConnectAction
    from .connect_action_action import ConnectActionAction as ConnectActionAction
    from .connect_action_event_type import ConnectActionEventType as ConnectActionEventType
    from .connect_action_machine_detection import ConnectActionMachineDetection as ConnectActionMachineDetection
    from .connect_endpoint_phone import ConnectEndpointPhone as ConnectEndpointPhone
    from .connect_endpoint_phone_on_answer import ConnectEndpointPhoneOnAnswer as ConnectEndpointPhoneOnAnswer
    from .connect_endpoint_phone_type import ConnectEndpointPhoneType as ConnectEndpointPhoneType
    from .connect_endpoint_sip import ConnectEndpointSip as ConnectEndpointSip
    from .connect_endpoint_sip_headers import ConnectEndpointSipHeaders as ConnectEndpointSipHeaders
    from .connect_endpoint_sip_standard_headers import (
        ConnectEndpointSipStandardHeaders as ConnectEndpointSipStandardHeaders,
    )
    from .connect_endpoint_sip_type import ConnectEndpointSipType as ConnectEndpointSipType
    from .conversation_action import ConversationAction as ConversationAction
    from .conversation_action_action import ConversationActionAction as ConversationActionAction
    from .create_call_request_answer_url import CreateCallRequestAnswerUrl as CreateCallRequestAnswerUrl
    from .create_call_request_base import CreateCallRequestBase as CreateCallRequestBase
    from .create_call_request_ncco import CreateCallRequestNcco as CreateCallRequestNcco
    from .create_call_response import CreateCallResponse as CreateCallResponse
    from .direction import Direction as Direction
    from .disconnected_event import DisconnectedEvent as DisconnectedEvent
    from .disconnected_event_status import DisconnectedEventStatus as DisconnectedEventStatus
    from .dtmf_request import DtmfRequest as DtmfRequest
    from .dtmf_response import DtmfResponse as DtmfResponse
    from .earmuff import Earmuff as Earmuff
    from .earmuff_action import EarmuffAction as EarmuffAction
    from .endpoint_app import EndpointApp as EndpointApp
    from .endpoint_app_type import EndpointAppType as EndpointAppType
    from .endpoint_phone_from import EndpointPhoneFrom as EndpointPhoneFrom
    from .endpoint_phone_from_type import EndpointPhoneFromType as EndpointPhoneFromType
    from .endpoint_phone_to import EndpointPhoneTo as EndpointPhoneTo
    from .endpoint_phone_to_type import EndpointPhoneToType as EndpointPhoneToType
    from .endpoint_sip import EndpointSip as EndpointSip
    from .endpoint_sip_headers import EndpointSipHeaders as EndpointSipHeaders
    from .endpoint_sip_standard_headers import EndpointSipStandardHeaders as EndpointSipStandardHeaders
    from .endpoint_sip_type import EndpointSipType as EndpointSipType
    from .endpoint_vbc_extension import EndpointVbcExtension as EndpointVbcExtension
    from .endpoint_vbc_extension_type import EndpointVbcExtensionType as EndpointVbcExtensionType
    from .endpoint_websocket import EndpointWebsocket as EndpointWebsocket
    from .endpoint_websocket_authorization import EndpointWebsocketAuthorization as EndpointWebsocketAuthorization
    from .endpoint_websocket_authorization_type import (
        EndpointWebsocketAuthorizationType as EndpointWebsocketAuthorizationType,
    )
    from .endpoint_websocket_content_type import EndpointWebsocketContentType as EndpointWebsocketContentType
    from .endpoint_websocket_headers import EndpointWebsocketHeaders as EndpointWebsocketHeaders
    from .endpoint_websocket_type import EndpointWebsocketType as EndpointWebsocketType
    from .error_event import ErrorEvent as ErrorEvent
    from .error_response import ErrorResponse as ErrorResponse
    from .failed_event import FailedEvent as FailedEvent
    from .failed_event_detail import FailedEventDetail as FailedEventDetail
    from .failed_event_status import FailedEventStatus as FailedEventStatus
    from .get_calls_order import GetCallsOrder as GetCallsOrder
    from .get_calls_status import GetCallsStatus as GetCallsStatus
    from .hangup import Hangup as Hangup
    from .hangup_action import HangupAction as HangupAction
    from .http_method import HttpMethod as HttpMethod
    from .human_event import HumanEvent as HumanEvent
    from .human_event_status import HumanEventStatus as HumanEventStatus
    from .input_action import InputAction as InputAction
    from .input_action_action import InputActionAction as InputActionAction
    from .input_action_dtmf import InputActionDtmf as InputActionDtmf
    from .input_action_mode import InputActionMode as InputActionMode
    from .input_action_speech import InputActionSpeech as InputActionSpeech
    from .input_action_type_item import InputActionTypeItem as InputActionTypeItem
    from .input_event import InputEvent as InputEvent
    from .input_event_dtmf import InputEventDtmf as InputEventDtmf
    from .input_event_speech import InputEventSpeech as InputEventSpeech
    from .input_event_speech_timeout_reason import InputEventSpeechTimeoutReason as InputEventSpeechTimeoutReason
    from .invalid_parameter import InvalidParameter as InvalidParameter
    from .link import Link as Link
    from .machine_detection import MachineDetection as MachineDetection
    from .machine_event import MachineEvent as MachineEvent
    from .machine_event_status import MachineEventStatus as MachineEventStatus
    from .machine_event_sub_state import MachineEventSubState as MachineEventSubState
    from .mute import Mute as Mute
    from .mute_action import MuteAction as MuteAction
    from .notify_action import NotifyAction as NotifyAction
    from .notify_action_action import NotifyActionAction as NotifyActionAction
    from .notify_action_payload import NotifyActionPayload as NotifyActionPayload
    from .notify_event import NotifyEvent as NotifyEvent
    from .record_action import RecordAction as RecordAction
    from .record_action_action import RecordActionAction as RecordActionAction
    from .record_action_end_on_key import RecordActionEndOnKey as RecordActionEndOnKey
    from .record_action_format import RecordActionFormat as RecordActionFormat
    from .record_action_split import RecordActionSplit as RecordActionSplit
    from .record_event import RecordEvent as RecordEvent
    from .rejected_event import RejectedEvent as RejectedEvent
    from .rejected_event_detail import RejectedEventDetail as RejectedEventDetail
    from .rejected_event_status import RejectedEventStatus as RejectedEventStatus
    from .request_transfer_action_param import RequestTransferActionParam as RequestTransferActionParam
    from .ringing_event import RingingEvent as RingingEvent
    from .ringing_event_status import RingingEventStatus as RingingEventStatus
    from .speech_result import SpeechResult as SpeechResult
    from .start_stream_request import StartStreamRequest as StartStreamRequest
    from .start_stream_response import StartStreamResponse as StartStreamResponse
    from .start_talk_request import StartTalkRequest as StartTalkRequest
    from .start_talk_request_language import StartTalkRequestLanguage as StartTalkRequestLanguage
    from .start_talk_request_voice_name import StartTalkRequestVoiceName as StartTalkRequestVoiceName
    from .start_talk_response import StartTalkResponse as StartTalkResponse
    from .started_event import StartedEvent as StartedEvent
    from .started_event_status import StartedEventStatus as StartedEventStatus
    from .stop_stream_response import StopStreamResponse as StopStreamResponse
    from .stop_talk_response import StopTalkResponse as StopTalkResponse
    from .stream_action import StreamAction as StreamAction
    from .stream_action_action import StreamActionAction as StreamActionAction
    from .subscribe_dtmf_request import SubscribeDtmfRequest as SubscribeDtmfRequest
    from .talk_action import TalkAction as TalkAction
    from .talk_action_action import TalkActionAction as TalkActionAction
    from .timeout_event import TimeoutEvent as TimeoutEvent
    from .timeout_event_status import TimeoutEventStatus as TimeoutEventStatus
    from .transcript import Transcript as Transcript
    from .transcript_channel import TranscriptChannel as TranscriptChannel
    from .transcript_sentence import TranscriptSentence as TranscriptSentence
    from .transcript_word import TranscriptWord as TranscriptWord
    from .transcription import Transcription as Transcription
    from .transcription_event import TranscriptionEvent as TranscriptionEvent
    from .transfer_action import TransferAction as TransferAction
    from .transfer_action_action import TransferActionAction as TransferActionAction
    from .transfer_event import TransferEvent as TransferEvent
    from .transfer_with_answer_url import TransferWithAnswerUrl as TransferWithAnswerUrl
    from .transfer_with_answer_url_destination import (
        TransferWithAnswerUrlDestination as TransferWithAnswerUrlDestination,
    )
    from .transfer_with_answer_url_destination_type import (
        TransferWithAnswerUrlDestinationType as TransferWithAnswerUrlDestinationType,
    )
    from .transfer_with_ncco import TransferWithNcco as TransferWithNcco
    from .transfer_with_ncco_destination import TransferWithNccoDestination as TransferWithNccoDestination
    from .transfer_with_ncco_destination_type import TransferWithNccoDestinationType as TransferWithNccoDestinationType
    from .unanswered_event import UnansweredEvent as UnansweredEvent
    from .unanswered_event_detail import UnansweredEventDetail as UnansweredEventDetail
    from .unanswered_event_status import UnansweredEventStatus as UnansweredEventStatus
    from .unearmuff import Unearmuff as Unearmuff
    from .unearmuff_action import UnearmuffAction as UnearmuffAction
    from .unmute import Unmute as Unmute
    from .unmute_action import UnmuteAction as UnmuteAction
    from .wait_action import WaitAction as WaitAction
    from .wait_action_action import WaitActionAction as WaitActionAction
else:
    import importlib

    _MODULES = {
        "AdvancedMachineDetection": ".advanced_machine_detection",
        "AdvancedMachineDetectionBehavior": ".advanced_machine_detection_behavior",
        "AdvancedMachineDetectionMode": ".advanced_machine_detection_mode",
        "AnswerWebhook": ".answer_webhook",
        "AnswerWebhookCustomData": ".answer_webhook_custom_data",
        "AnswerWebhookEndpointType": ".answer_webhook_endpoint_type",
        "AnsweredEvent": ".answered_event",
        "AnsweredEventStatus": ".answered_event_status",
        "BusyEvent": ".busy_event",
        "BusyEventStatus": ".busy_event_status",
        "Call": ".call",
        "CallEndpointApp": ".call_endpoint_app",
        "CallEndpointAppType": ".call_endpoint_app_type",
        "CallEndpointPhone": ".call_endpoint_phone",
        "CallEndpointPhoneType": ".call_endpoint_phone_type",
        "CallEndpointSip": ".call_endpoint_sip",
        "CallEndpointSipHeaders": ".call_endpoint_sip_headers",
        "CallEndpointSipStandardHeaders": ".call_endpoint_sip_standard_headers",
        "CallEndpointSipType": ".call_endpoint_sip_type",
        "CallEndpointVbcExtension": ".call_endpoint_vbc_extension",
        "CallEndpointVbcExtensionType": ".call_endpoint_vbc_extension_type",
        "CallEndpointWebsocket": ".call_endpoint_websocket",
        "CallEndpointWebsocketAuthorization": ".call_endpoint_websocket_authorization",
        "CallEndpointWebsocketAuthorizationType": ".call_endpoint_websocket_authorization_type",
        "CallEndpointWebsocketContentType": ".call_endpoint_websocket_content_type",
        "CallEndpointWebsocketHeaders": ".call_endpoint_websocket_headers",
        "CallEndpointWebsocketType": ".call_endpoint_websocket_type",
        "CallFrom": ".call_from",
        "CallLinks": ".call_links",
        "CallList": ".call_list",
        "CallListEmbedded": ".call_list_embedded",
        "CallListLinks": ".call_list_links",
        "CallStatus": ".call_status",
        "CancelledEvent": ".cancelled_event",
        "CancelledEventStatus": ".cancelled_event_status",
        "CompletedEvent": ".completed_event",
        "CompletedEventDisconnectedBy": ".completed_event_disconnected_by",
        "CompletedEventStatus": ".completed_event_status",
        "ConnectAction": ".connect_action",
        "ConnectActionAction": ".connect_action_action",
        "ConnectActionEventType": ".connect_action_event_type",
        "ConnectActionMachineDetection": ".connect_action_machine_detection",
        "ConnectEndpointPhone": ".connect_endpoint_phone",
        "ConnectEndpointPhoneOnAnswer": ".connect_endpoint_phone_on_answer",
        "ConnectEndpointPhoneType": ".connect_endpoint_phone_type",
        "ConnectEndpointSip": ".connect_endpoint_sip",
        "ConnectEndpointSipHeaders": ".connect_endpoint_sip_headers",
        "ConnectEndpointSipStandardHeaders": ".connect_endpoint_sip_standard_headers",
        "ConnectEndpointSipType": ".connect_endpoint_sip_type",
        "ConversationAction": ".conversation_action",
        "ConversationActionAction": ".conversation_action_action",
        "CreateCallRequestAnswerUrl": ".create_call_request_answer_url",
        "CreateCallRequestBase": ".create_call_request_base",
        "CreateCallRequestNcco": ".create_call_request_ncco",
        "CreateCallResponse": ".create_call_response",
        "Direction": ".direction",
        "DisconnectedEvent": ".disconnected_event",
        "DisconnectedEventStatus": ".disconnected_event_status",
        "DtmfRequest": ".dtmf_request",
        "DtmfResponse": ".dtmf_response",
        "Earmuff": ".earmuff",
        "EarmuffAction": ".earmuff_action",
        "EndpointApp": ".endpoint_app",
        "EndpointAppType": ".endpoint_app_type",
        "EndpointPhoneFrom": ".endpoint_phone_from",
        "EndpointPhoneFromType": ".endpoint_phone_from_type",
        "EndpointPhoneTo": ".endpoint_phone_to",
        "EndpointPhoneToType": ".endpoint_phone_to_type",
        "EndpointSip": ".endpoint_sip",
        "EndpointSipHeaders": ".endpoint_sip_headers",
        "EndpointSipStandardHeaders": ".endpoint_sip_standard_headers",
        "EndpointSipType": ".endpoint_sip_type",
        "EndpointVbcExtension": ".endpoint_vbc_extension",
        "EndpointVbcExtensionType": ".endpoint_vbc_extension_type",
        "EndpointWebsocket": ".endpoint_websocket",
        "EndpointWebsocketAuthorization": ".endpoint_websocket_authorization",
        "EndpointWebsocketAuthorizationType": ".endpoint_websocket_authorization_type",
        "EndpointWebsocketContentType": ".endpoint_websocket_content_type",
        "EndpointWebsocketHeaders": ".endpoint_websocket_headers",
        "EndpointWebsocketType": ".endpoint_websocket_type",
        "ErrorEvent": ".error_event",
        "ErrorResponse": ".error_response",
        "FailedEvent": ".failed_event",
        "FailedEventDetail": ".failed_event_detail",
        "FailedEventStatus": ".failed_event_status",
        "GetCallsOrder": ".get_calls_order",
        "GetCallsStatus": ".get_calls_status",
        "Hangup": ".hangup",
        "HangupAction": ".hangup_action",
        "HttpMethod": ".http_method",
        "HumanEvent": ".human_event",
        "HumanEventStatus": ".human_event_status",
        "InputAction": ".input_action",
        "InputActionAction": ".input_action_action",
        "InputActionDtmf": ".input_action_dtmf",
        "InputActionMode": ".input_action_mode",
        "InputActionSpeech": ".input_action_speech",
        "InputActionTypeItem": ".input_action_type_item",
        "InputEvent": ".input_event",
        "InputEventDtmf": ".input_event_dtmf",
        "InputEventSpeech": ".input_event_speech",
        "InputEventSpeechTimeoutReason": ".input_event_speech_timeout_reason",
        "InvalidParameter": ".invalid_parameter",
        "Link": ".link",
        "MachineDetection": ".machine_detection",
        "MachineEvent": ".machine_event",
        "MachineEventStatus": ".machine_event_status",
        "MachineEventSubState": ".machine_event_sub_state",
        "Mute": ".mute",
        "MuteAction": ".mute_action",
        "NotifyAction": ".notify_action",
        "NotifyActionAction": ".notify_action_action",
        "NotifyActionPayload": ".notify_action_payload",
        "NotifyEvent": ".notify_event",
        "RecordAction": ".record_action",
        "RecordActionAction": ".record_action_action",
        "RecordActionEndOnKey": ".record_action_end_on_key",
        "RecordActionFormat": ".record_action_format",
        "RecordActionSplit": ".record_action_split",
        "RecordEvent": ".record_event",
        "RejectedEvent": ".rejected_event",
        "RejectedEventDetail": ".rejected_event_detail",
        "RejectedEventStatus": ".rejected_event_status",
        "RequestTransferActionParam": ".request_transfer_action_param",
        "RingingEvent": ".ringing_event",
        "RingingEventStatus": ".ringing_event_status",
        "SpeechResult": ".speech_result",
        "StartStreamRequest": ".start_stream_request",
        "StartStreamResponse": ".start_stream_response",
        "StartTalkRequest": ".start_talk_request",
        "StartTalkRequestLanguage": ".start_talk_request_language",
        "StartTalkRequestVoiceName": ".start_talk_request_voice_name",
        "StartTalkResponse": ".start_talk_response",
        "StartedEvent": ".started_event",
        "StartedEventStatus": ".started_event_status",
        "StopStreamResponse": ".stop_stream_response",
        "StopTalkResponse": ".stop_talk_response",
        "StreamAction": ".stream_action",
        "StreamActionAction": ".stream_action_action",
        "SubscribeDtmfRequest": ".subscribe_dtmf_request",
        "TalkAction": ".talk_action",
        "TalkActionAction": ".talk_action_action",
        "TimeoutEvent": ".timeout_event",
        "TimeoutEventStatus": ".timeout_event_status",
        "Transcript": ".transcript",
        "TranscriptChannel": ".transcript_channel",
        "TranscriptSentence": ".transcript_sentence",
        "TranscriptWord": ".transcript_word",
        "Transcription": ".transcription",
        "TranscriptionEvent": ".transcription_event",
        "TransferAction": ".transfer_action",
        "TransferActionAction": ".transfer_action_action",
        "TransferEvent": ".transfer_event",
        "TransferWithAnswerUrl": ".transfer_with_answer_url",
        "TransferWithAnswerUrlDestination": ".transfer_with_answer_url_destination",
        "TransferWithAnswerUrlDestinationType": ".transfer_with_answer_url_destination_type",
        "TransferWithNcco": ".transfer_with_ncco",
        "TransferWithNccoDestination": ".transfer_with_ncco_destination",
        "TransferWithNccoDestinationType": ".transfer_with_ncco_destination_type",
        "UnansweredEvent": ".unanswered_event",
        "UnansweredEventDetail": ".unanswered_event_detail",
        "UnansweredEventStatus": ".unanswered_event_status",
        "Unearmuff": ".unearmuff",
        "UnearmuffAction": ".unearmuff_action",
        "Unmute": ".unmute",
        "UnmuteAction": ".unmute_action",
        "WaitAction": ".wait_action",
        "WaitActionAction": ".wait_action_action",
    }

    def __getattr__(name):
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value

    def __dir__():
        return sorted(set(globals()) | set(_MODULES))


__all__ = (
    "AdvancedMachineDetection",
    "AdvancedMachineDetectionBehavior",
    "AdvancedMachineDetectionMode",
    "AnsweredEvent",
    "AnsweredEventStatus",
    "AnswerWebhook",
    "AnswerWebhookCustomData",
    "AnswerWebhookEndpointType",
    "BusyEvent",
    "BusyEventStatus",
    "Call",
    "CallEndpointApp",
    "CallEndpointAppType",
    "CallEndpointPhone",
    "CallEndpointPhoneType",
    "CallEndpointSip",
    "CallEndpointSipHeaders",
    "CallEndpointSipStandardHeaders",
    "CallEndpointSipType",
    "CallEndpointVbcExtension",
    "CallEndpointVbcExtensionType",
    "CallEndpointWebsocket",
    "CallEndpointWebsocketAuthorization",
    "CallEndpointWebsocketAuthorizationType",
    "CallEndpointWebsocketContentType",
    "CallEndpointWebsocketHeaders",
    "CallEndpointWebsocketType",
    "CallFrom",
    "CallLinks",
    "CallList",
    "CallListEmbedded",
    "CallListLinks",
    "CallStatus",
    "CancelledEvent",
    "CancelledEventStatus",
    "CompletedEvent",
    "CompletedEventDisconnectedBy",
    "CompletedEventStatus",
    "ConnectAction",
    "ConnectActionAction",
    "ConnectActionEventType",
    "ConnectActionMachineDetection",
    "ConnectEndpointPhone",
    "ConnectEndpointPhoneOnAnswer",
    "ConnectEndpointPhoneType",
    "ConnectEndpointSip",
    "ConnectEndpointSipHeaders",
    "ConnectEndpointSipStandardHeaders",
    "ConnectEndpointSipType",
    "ConversationAction",
    "ConversationActionAction",
    "CreateCallRequestAnswerUrl",
    "CreateCallRequestBase",
    "CreateCallRequestNcco",
    "CreateCallResponse",
    "Direction",
    "DisconnectedEvent",
    "DisconnectedEventStatus",
    "DtmfRequest",
    "DtmfResponse",
    "Earmuff",
    "EarmuffAction",
    "EndpointApp",
    "EndpointAppType",
    "EndpointPhoneFrom",
    "EndpointPhoneFromType",
    "EndpointPhoneTo",
    "EndpointPhoneToType",
    "EndpointSip",
    "EndpointSipHeaders",
    "EndpointSipStandardHeaders",
    "EndpointSipType",
    "EndpointVbcExtension",
    "EndpointVbcExtensionType",
    "EndpointWebsocket",
    "EndpointWebsocketAuthorization",
    "EndpointWebsocketAuthorizationType",
    "EndpointWebsocketContentType",
    "EndpointWebsocketHeaders",
    "EndpointWebsocketType",
    "ErrorEvent",
    "ErrorResponse",
    "FailedEvent",
    "FailedEventDetail",
    "FailedEventStatus",
    "GetCallsOrder",
    "GetCallsStatus",
    "Hangup",
    "HangupAction",
    "HttpMethod",
    "HumanEvent",
    "HumanEventStatus",
    "InputAction",
    "InputActionAction",
    "InputActionDtmf",
    "InputActionMode",
    "InputActionSpeech",
    "InputActionTypeItem",
    "InputEvent",
    "InputEventDtmf",
    "InputEventSpeech",
    "InputEventSpeechTimeoutReason",
    "InvalidParameter",
    "Link",
    "MachineDetection",
    "MachineEvent",
    "MachineEventStatus",
    "MachineEventSubState",
    "Mute",
    "MuteAction",
    "NotifyAction",
    "NotifyActionAction",
    "NotifyActionPayload",
    "NotifyEvent",
    "RecordAction",
    "RecordActionAction",
    "RecordActionEndOnKey",
    "RecordActionFormat",
    "RecordActionSplit",
    "RecordEvent",
    "RejectedEvent",
    "RejectedEventDetail",
    "RejectedEventStatus",
    "RequestTransferActionParam",
    "RingingEvent",
    "RingingEventStatus",
    "SpeechResult",
    "StartedEvent",
    "StartedEventStatus",
    "StartStreamRequest",
    "StartStreamResponse",
    "StartTalkRequest",
    "StartTalkRequestLanguage",
    "StartTalkRequestVoiceName",
    "StartTalkResponse",
    "StopStreamResponse",
    "StopTalkResponse",
    "StreamAction",
    "StreamActionAction",
    "SubscribeDtmfRequest",
    "TalkAction",
    "TalkActionAction",
    "TimeoutEvent",
    "TimeoutEventStatus",
    "Transcript",
    "TranscriptChannel",
    "Transcription",
    "TranscriptionEvent",
    "TranscriptSentence",
    "TranscriptWord",
    "TransferAction",
    "TransferActionAction",
    "TransferEvent",
    "TransferWithAnswerUrl",
    "TransferWithAnswerUrlDestination",
    "TransferWithAnswerUrlDestinationType",
    "TransferWithNcco",
    "TransferWithNccoDestination",
    "TransferWithNccoDestinationType",
    "UnansweredEvent",
    "UnansweredEventDetail",
    "UnansweredEventStatus",
    "Unearmuff",
    "UnearmuffAction",
    "Unmute",
    "UnmuteAction",
    "WaitAction",
    "WaitActionAction",
)
