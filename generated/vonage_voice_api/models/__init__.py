"""Contains all the data models used in inputs/outputs"""

from .advanced_machine_detection import AdvancedMachineDetection
from .advanced_machine_detection_behavior import AdvancedMachineDetectionBehavior
from .advanced_machine_detection_mode import AdvancedMachineDetectionMode
from .answer_webhook import AnswerWebhook
from .answer_webhook_custom_data import AnswerWebhookCustomData
from .answer_webhook_endpoint_type import AnswerWebhookEndpointType
from .answered_event import AnsweredEvent
from .answered_event_status import AnsweredEventStatus
from .busy_event import BusyEvent
from .busy_event_status import BusyEventStatus
from .call import Call
from .call_endpoint_app import CallEndpointApp
from .call_endpoint_app_type import CallEndpointAppType
from .call_endpoint_phone import CallEndpointPhone
from .call_endpoint_phone_type import CallEndpointPhoneType
from .call_endpoint_sip import CallEndpointSip
from .call_endpoint_sip_headers import CallEndpointSipHeaders
from .call_endpoint_sip_standard_headers import CallEndpointSipStandardHeaders
from .call_endpoint_sip_type import CallEndpointSipType
from .call_endpoint_vbc_extension import CallEndpointVbcExtension
from .call_endpoint_vbc_extension_type import CallEndpointVbcExtensionType
from .call_endpoint_websocket import CallEndpointWebsocket
from .call_endpoint_websocket_authorization import CallEndpointWebsocketAuthorization
from .call_endpoint_websocket_authorization_type import CallEndpointWebsocketAuthorizationType
from .call_endpoint_websocket_content_type import CallEndpointWebsocketContentType
from .call_endpoint_websocket_headers import CallEndpointWebsocketHeaders
from .call_endpoint_websocket_type import CallEndpointWebsocketType
from .call_from import CallFrom
from .call_links import CallLinks
from .call_list import CallList
from .call_list_embedded import CallListEmbedded
from .call_list_links import CallListLinks
from .call_status import CallStatus
from .cancelled_event import CancelledEvent
from .cancelled_event_status import CancelledEventStatus
from .completed_event import CompletedEvent
from .completed_event_disconnected_by import CompletedEventDisconnectedBy
from .completed_event_status import CompletedEventStatus
from .connect_action import ConnectAction
from .connect_action_action import ConnectActionAction
from .connect_action_event_type import ConnectActionEventType
from .connect_action_machine_detection import ConnectActionMachineDetection
from .connect_endpoint_phone import ConnectEndpointPhone
from .connect_endpoint_phone_on_answer import ConnectEndpointPhoneOnAnswer
from .connect_endpoint_phone_type import ConnectEndpointPhoneType
from .connect_endpoint_sip import ConnectEndpointSip
from .connect_endpoint_sip_headers import ConnectEndpointSipHeaders
from .connect_endpoint_sip_standard_headers import ConnectEndpointSipStandardHeaders
from .connect_endpoint_sip_type import ConnectEndpointSipType
from .conversation_action import ConversationAction
from .conversation_action_action import ConversationActionAction
from .create_call_request_answer_url import CreateCallRequestAnswerUrl
from .create_call_request_base import CreateCallRequestBase
from .create_call_request_ncco import CreateCallRequestNcco
from .create_call_response import CreateCallResponse
from .direction import Direction
from .disconnected_event import DisconnectedEvent
from .disconnected_event_status import DisconnectedEventStatus
from .dtmf_request import DtmfRequest
from .dtmf_response import DtmfResponse
from .earmuff import Earmuff
from .earmuff_action import EarmuffAction
from .endpoint_app import EndpointApp
from .endpoint_app_type import EndpointAppType
from .endpoint_phone_from import EndpointPhoneFrom
from .endpoint_phone_from_type import EndpointPhoneFromType
from .endpoint_phone_to import EndpointPhoneTo
from .endpoint_phone_to_type import EndpointPhoneToType
from .endpoint_sip import EndpointSip
from .endpoint_sip_headers import EndpointSipHeaders
from .endpoint_sip_standard_headers import EndpointSipStandardHeaders
from .endpoint_sip_type import EndpointSipType
from .endpoint_vbc_extension import EndpointVbcExtension
from .endpoint_vbc_extension_type import EndpointVbcExtensionType
from .endpoint_websocket import EndpointWebsocket
from .endpoint_websocket_authorization import EndpointWebsocketAuthorization
from .endpoint_websocket_authorization_type import EndpointWebsocketAuthorizationType
from .endpoint_websocket_content_type import EndpointWebsocketContentType
from .endpoint_websocket_headers import EndpointWebsocketHeaders
from .endpoint_websocket_type import EndpointWebsocketType
from .error_event import ErrorEvent
from .error_response import ErrorResponse
from .failed_event import FailedEvent
from .failed_event_detail import FailedEventDetail
from .failed_event_status import FailedEventStatus
from .get_calls_order import GetCallsOrder
from .get_calls_status import GetCallsStatus
from .hangup import Hangup
from .hangup_action import HangupAction
from .http_method import HttpMethod
from .human_event import HumanEvent
from .human_event_status import HumanEventStatus
from .input_action import InputAction
from .input_action_action import InputActionAction
from .input_action_dtmf import InputActionDtmf
from .input_action_mode import InputActionMode
from .input_action_speech import InputActionSpeech
from .input_action_type_item import InputActionTypeItem
from .input_event import InputEvent
from .input_event_dtmf import InputEventDtmf
from .input_event_speech import InputEventSpeech
from .input_event_speech_timeout_reason import InputEventSpeechTimeoutReason
from .invalid_parameter import InvalidParameter
from .link import Link
from .machine_detection import MachineDetection
from .machine_event import MachineEvent
from .machine_event_status import MachineEventStatus
from .machine_event_sub_state import MachineEventSubState
from .mute import Mute
from .mute_action import MuteAction
from .notify_action import NotifyAction
from .notify_action_action import NotifyActionAction
from .notify_action_payload import NotifyActionPayload
from .notify_event import NotifyEvent
from .record_action import RecordAction
from .record_action_action import RecordActionAction
from .record_action_end_on_key import RecordActionEndOnKey
from .record_action_format import RecordActionFormat
from .record_action_split import RecordActionSplit
from .record_event import RecordEvent
from .rejected_event import RejectedEvent
from .rejected_event_detail import RejectedEventDetail
from .rejected_event_status import RejectedEventStatus
from .request_transfer_action_param import RequestTransferActionParam
from .ringing_event import RingingEvent
from .ringing_event_status import RingingEventStatus
from .speech_result import SpeechResult
from .start_stream_request import StartStreamRequest
from .start_stream_response import StartStreamResponse
from .start_talk_request import StartTalkRequest
from .start_talk_request_language import StartTalkRequestLanguage
from .start_talk_request_voice_name import StartTalkRequestVoiceName
from .start_talk_response import StartTalkResponse
from .started_event import StartedEvent
from .started_event_status import StartedEventStatus
from .stop_stream_response import StopStreamResponse
from .stop_talk_response import StopTalkResponse
from .stream_action import StreamAction
from .stream_action_action import StreamActionAction
from .subscribe_dtmf_request import SubscribeDtmfRequest
from .talk_action import TalkAction
from .talk_action_action import TalkActionAction
from .timeout_event import TimeoutEvent
from .timeout_event_status import TimeoutEventStatus
from .transcription import Transcription
from .transfer_action import TransferAction
from .transfer_action_action import TransferActionAction
from .transfer_event import TransferEvent
from .transfer_with_answer_url import TransferWithAnswerUrl
from .transfer_with_answer_url_destination import TransferWithAnswerUrlDestination
from .transfer_with_answer_url_destination_type import TransferWithAnswerUrlDestinationType
from .transfer_with_ncco import TransferWithNcco
from .transfer_with_ncco_destination import TransferWithNccoDestination
from .transfer_with_ncco_destination_type import TransferWithNccoDestinationType
from .unanswered_event import UnansweredEvent
from .unanswered_event_detail import UnansweredEventDetail
from .unanswered_event_status import UnansweredEventStatus
from .unearmuff import Unearmuff
from .unearmuff_action import UnearmuffAction
from .unmute import Unmute
from .unmute_action import UnmuteAction
from .wait_action import WaitAction
from .wait_action_action import WaitActionAction

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
    "Transcription",
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
