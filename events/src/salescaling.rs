// Written by scripts/events/generate.py from core/events/salescaling.json: do not edit.

//! Salescaling's three event types. The document lists the fields but shows no sample body,
//! so every field is optional and every object open. Written from the Salescaling webhooks
//! document.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A meeting's status changed. The document lists the statuses but shows no body: every
/// field is optional and the object is open.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetingStatusChanged {
    /// The event type. The document shows no body; hookseal reads the kind from `event`,
    /// else `type`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// meeting_created: a new meeting is created; meeting_deleted: a meeting is deleted;
    /// meeting_transcript_done: transcription is completed; meeting_summary_done: the
    /// summary is completed; meeting_video_done: video processing is completed;
    /// meeting_notes_done: notes processing is completed. Video and content processing run
    /// in parallel, so meeting_video_done may arrive before meeting_summary_done.
    /// One of: `meeting_created`, `meeting_deleted`, `meeting_transcript_done`,
    /// `meeting_summary_done`, `meeting_video_done`, `meeting_notes_done`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// At least one note of a meeting changed; sent once per note processed. The document lists
/// the statuses but shows no body: every field is optional and the object is open.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetingNoteStatusChanged {
    /// The event type. The document shows no body; hookseal reads the kind from `event`,
    /// else `type`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// meeting_note_created: a new note is created; meeting_note_deleted: a note is
    /// deleted; meeting_note_updated: a note is updated.
    /// One of: `meeting_note_created`, `meeting_note_deleted`, `meeting_note_updated`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A commercial signal was detected in an activity (meeting, call or email). The document
/// lists these fields; none is marked required.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommercialSignalDetected {
    /// The event type. The document shows no body; hookseal reads the kind from `event`,
    /// else `type`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// Code for the detected commercial signal, in the document's groups: engagement &
    /// intent, pricing, budget & negotiation, fit & product, competition, risk & churn,
    /// relationship & communication.
    /// One of: `buying_intent`, `interest_in_trial`, `opportunity_qualified`,
    /// `champion_detected`, `gatekeeper_detected`, `future_meeting_scheduled`,
    /// `decision_timeline_mentioned`, `follow_up_required`, `follow_up_deadline_mentioned`,
    /// `multi_department_involvement`, `pricing_discussed`, `budget_blocker`,
    /// `budget_discussed`, `discount_requested`, `contractual_concerns`,
    /// `legal_process_discussed`, `renewal_discussed`, `upsell_opportunity`,
    /// `pilot_success`, `pilot_failure`, `product_fit_confirmed`,
    /// `usage_feedback_positive`, `usage_feedback_negative`, `technical_validation_passed`,
    /// `technical_blocker`, `integration_concerns`, `training_requested`,
    /// `feature_request_made`, `security_concerns`, `compliance_concern`,
    /// `competitor_mentioned`, `competitor_comparison_favorable`,
    /// `competitor_comparison_unfavorable`, `churn_risk`, `no_decision_maker`,
    /// `internal_disalignment`, `resistance_to_change`, `escalation_detected`,
    /// `low_engagement`, `deadline_blocker`, `positive_feedback_on_demo`,
    /// `negative_feedback_on_demo`, `rapport_detected`, `misalignment_on_goals`,
    /// `client_asks_many_questions`, `client_confused_about_offering`, `tone_aggressive`,
    /// `tone_passive`, `speaker_dominates_conversation`, `client_drives_conversation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Detailed description of the signal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// ID of the related contact.
    #[serde(rename = "contactId", default, skip_serializing_if = "Option::is_none")]
    pub contact_id: Option<String>,
    /// ID of the related company.
    #[serde(rename = "companyId", default, skip_serializing_if = "Option::is_none")]
    pub company_id: Option<String>,
    /// Category of the signal: positive, risk or neutral.
    /// One of: `positive`, `risk`, `neutral`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Type of activity the signal was detected in: meeting, call or mail (email).
    /// One of: `meeting`, `call`, `mail`.
    #[serde(
        rename = "activityType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub activity_type: Option<String>,
    /// ID of the activity the signal was detected in.
    #[serde(
        rename = "activityId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub activity_id: Option<String>,
    /// Textual evidence supporting the detection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Vec<String>>,
    /// Type of change the signal represents: new, unchanged, escalated, improved or
    /// recovered.
    /// One of: `new`, `unchanged`, `escalated`, `improved`, `recovered`.
    #[serde(
        rename = "changeType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub change_type: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A body of every kind, in [`KINDS`] order: every listed field, fixed values
/// (core/events/samples/salescaling.json).
pub const SAMPLES: &[(&str, &str)] = &[
    (
        "meeting_status_changed",
        r#"{"event":"meeting_status_changed","status":"meeting_created"}"#,
    ),
    (
        "meeting_note_status_changed",
        r#"{"event":"meeting_note_status_changed","status":"meeting_note_created"}"#,
    ),
    (
        "commercial_signal_detected",
        r#"{"event":"commercial_signal_detected","code":"buying_intent","description":"description","contactId":"contactId_cce23bb9f9b5","companyId":"companyId_cadc09563296","category":"positive","activityType":"meeting","activityId":"activityId_01601625f8c2","evidence":["evidence"],"changeType":"new"}"#,
    ),
];

// `Event`, `KINDS` and `parse` (events/src/lib.rs, `provider_events!`).
crate::provider_events! {
    /// `meeting_status_changed`: A meeting's status changed (created, deleted, transcript,
    /// summary, video or notes done).
    MeetingStatusChanged = "meeting_status_changed",
    /// `meeting_note_status_changed`: A note of a meeting was created, deleted or updated.
    MeetingNoteStatusChanged = "meeting_note_status_changed",
    /// `commercial_signal_detected`: A commercial signal was detected in a meeting, call or
    /// email.
    CommercialSignalDetected = "commercial_signal_detected",
}
