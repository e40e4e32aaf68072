//! Salescaling: the three event types of seed 001. The document lists the fields but
//! shows no sample body, so these shapes are built from its field lists (`event`,
//! `status`, `code`, `companyId`, …).

use super::Event;

pub const EVENTS: &[Event] = &[
    Event {
        kind: "meeting_status_changed",
        template: r#"{"event":"meeting_status_changed","status":"meeting_summary_done","meetingId":"@id@","companyId":"@company@","occurredAt":"@now@"}"#,
    },
    Event {
        kind: "meeting_note_status_changed",
        template: r#"{"event":"meeting_note_status_changed","status":"meeting_note_created","meetingId":"@uuid@","noteId":"@id@","companyId":"@company@","occurredAt":"@now@"}"#,
    },
    Event {
        kind: "commercial_signal_detected",
        template: r#"{"event":"commercial_signal_detected","code":"buying_intent","description":"The buyer asked for a quote for 40 seats.","contactId":"@uuid@","companyId":"@company@","category":"positive","activityType":"meeting","activityId":"@id@","evidence":["Can you send pricing for 40 seats?"],"changeType":"new"}"#,
    },
];
