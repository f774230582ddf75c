"""Contains all the data models used in inputs/outputs"""

from .create_call_request_answer_url import CreateCallRequestAnswerUrl
from .create_call_request_answer_url_answer_method import CreateCallRequestAnswerUrlAnswerMethod
from .create_call_request_base import CreateCallRequestBase
from .create_call_request_base_advanced_machine_detection import CreateCallRequestBaseAdvancedMachineDetection
from .create_call_request_base_advanced_machine_detection_behavior import (
    CreateCallRequestBaseAdvancedMachineDetectionBehavior,
)
from .create_call_request_base_advanced_machine_detection_mode import CreateCallRequestBaseAdvancedMachineDetectionMode
from .create_call_request_base_event_method import CreateCallRequestBaseEventMethod
from .create_call_request_base_machine_detection import CreateCallRequestBaseMachineDetection
from .create_call_request_ncco import CreateCallRequestNcco
from .create_call_request_ncco_ncco_item import CreateCallRequestNccoNccoItem
from .create_call_response import CreateCallResponse
from .direction import Direction
from .dtmf_request import DTMFRequest
from .dtmf_response import DTMFResponse
from .earmuff import Earmuff
from .earmuff_action import EarmuffAction
from .endpoint_app import EndpointApp
from .endpoint_phone_from import EndpointPhoneFrom
from .endpoint_phone_to import EndpointPhoneTo
from .endpoint_sip import EndpointSip
from .endpoint_sip_headers import EndpointSipHeaders
from .endpoint_sip_standard_headers import EndpointSipStandardHeaders
from .endpoint_vbc_extension import EndpointVBCExtension
from .endpoint_websocket import EndpointWebsocket
from .endpoint_websocket_authorization import EndpointWebsocketAuthorization
from .endpoint_websocket_authorization_type import EndpointWebsocketAuthorizationType
from .endpoint_websocket_content_type import EndpointWebsocketContentType
from .endpoint_websocket_headers import EndpointWebsocketHeaders
from .from_ import From
from .get_call_response import GetCallResponse
from .get_call_response_links import GetCallResponseLinks
from .get_call_response_links_self import GetCallResponseLinksSelf
from .get_calls_order import GetCallsOrder
from .get_calls_response import GetCallsResponse
from .get_calls_response_embedded import GetCallsResponseEmbedded
from .get_calls_response_links import GetCallsResponseLinks
from .get_calls_response_links_first import GetCallsResponseLinksFirst
from .get_calls_response_links_last import GetCallsResponseLinksLast
from .get_calls_response_links_next import GetCallsResponseLinksNext
from .get_calls_response_links_prev import GetCallsResponseLinksPrev
from .get_calls_response_links_self import GetCallsResponseLinksSelf
from .get_calls_status import GetCallsStatus
from .hangup import Hangup
from .hangup_action import HangupAction
from .mute import Mute
from .mute_action import MuteAction
from .request_transfer_action_param import RequestTransferActionParam
from .start_stream_request import StartStreamRequest
from .start_stream_response import StartStreamResponse
from .start_talk_request import StartTalkRequest
from .start_talk_request_language import StartTalkRequestLanguage
from .start_talk_request_voice_name import StartTalkRequestVoiceName
from .start_talk_response import StartTalkResponse
from .stop_stream_response import StopStreamResponse
from .stop_talk_response import StopTalkResponse
from .subscribe_dtmf_body import SubscribeDtmfBody
from .transfer_with_answer_url import TransferWithAnswerURL
from .transfer_with_answer_url_destination import TransferWithAnswerURLDestination
from .transfer_with_ncco import TransferWithNCCO
from .transfer_with_ncco_destination import TransferWithNCCODestination
from .transfer_with_ncco_destination_ncco_item import TransferWithNCCODestinationNccoItem
from .unearmuff import Unearmuff
from .unearmuff_action import UnearmuffAction
from .unmute import Unmute
from .unmute_action import UnmuteAction

__all__ = (
    "CreateCallRequestAnswerUrl",
    "CreateCallRequestAnswerUrlAnswerMethod",
    "CreateCallRequestBase",
    "CreateCallRequestBaseAdvancedMachineDetection",
    "CreateCallRequestBaseAdvancedMachineDetectionBehavior",
    "CreateCallRequestBaseAdvancedMachineDetectionMode",
    "CreateCallRequestBaseEventMethod",
    "CreateCallRequestBaseMachineDetection",
    "CreateCallRequestNcco",
    "CreateCallRequestNccoNccoItem",
    "CreateCallResponse",
    "Direction",
    "DTMFRequest",
    "DTMFResponse",
    "Earmuff",
    "EarmuffAction",
    "EndpointApp",
    "EndpointPhoneFrom",
    "EndpointPhoneTo",
    "EndpointSip",
    "EndpointSipHeaders",
    "EndpointSipStandardHeaders",
    "EndpointVBCExtension",
    "EndpointWebsocket",
    "EndpointWebsocketAuthorization",
    "EndpointWebsocketAuthorizationType",
    "EndpointWebsocketContentType",
    "EndpointWebsocketHeaders",
    "From",
    "GetCallResponse",
    "GetCallResponseLinks",
    "GetCallResponseLinksSelf",
    "GetCallsOrder",
    "GetCallsResponse",
    "GetCallsResponseEmbedded",
    "GetCallsResponseLinks",
    "GetCallsResponseLinksFirst",
    "GetCallsResponseLinksLast",
    "GetCallsResponseLinksNext",
    "GetCallsResponseLinksPrev",
    "GetCallsResponseLinksSelf",
    "GetCallsStatus",
    "Hangup",
    "HangupAction",
    "Mute",
    "MuteAction",
    "RequestTransferActionParam",
    "StartStreamRequest",
    "StartStreamResponse",
    "StartTalkRequest",
    "StartTalkRequestLanguage",
    "StartTalkRequestVoiceName",
    "StartTalkResponse",
    "StopStreamResponse",
    "StopTalkResponse",
    "SubscribeDtmfBody",
    "TransferWithAnswerURL",
    "TransferWithAnswerURLDestination",
    "TransferWithNCCO",
    "TransferWithNCCODestination",
    "TransferWithNCCODestinationNccoItem",
    "Unearmuff",
    "UnearmuffAction",
    "Unmute",
    "UnmuteAction",
)
