package app

import (
	"slices"
	"strings"
	"time"
)

// Event kinds, from the program's activity brands.
const (
	EventConference     = "conference"      // 中国 PostgreSQL 数据库生态大会
	EventRegionalSummit = "regional_summit" // 技术峰会全国行
	EventLive           = "live"            // PG.Live
	EventCityMeetup     = "city_meetup"     // 天天象上
	EventUniversity     = "university"      // 高校行
	EventCompanyVisit   = "company_visit"   // 走进企业
	EventTraining       = "training"        // 象牙塔
	EventOther          = "other"
)

// EventKinds lists the kinds in the order the UI offers them.
var EventKinds = []string{EventConference, EventRegionalSummit, EventLive, EventCityMeetup,
	EventUniversity, EventCompanyVisit, EventTraining, EventOther}

// talkKinds is the contribution a talk at an event of each kind earns; the
// other kinds' talks earn no points in the program's table.
var talkKinds = map[string]string{
	EventConference:     "talk_conference",
	EventRegionalSummit: "talk_regional",
	EventLive:           "talk_live",
}

// organizerKind is the contribution the organizer of a university event earns.
const organizerKind = "university_event"

// Event is something the chapter held, with its talks.
type Event struct {
	ID   uint64 `json:"id"`
	Name string `json:"name"`
	// NameEN is the event's English name, for the English of its
	// certificates of appreciation; "" for none.
	NameEN  string `json:"name_en"`
	Kind    string `json:"kind"`
	Date    string `json:"date"`
	City    string `json:"city"`
	GroupID uint64 `json:"group_id"`
	// Attendance is the headcount the organizer reports: online viewers
	// and people who never checked in count too.
	Attendance int `json:"attendance"`
	// OrganizerID is the member who organised it; a university event earns
	// them the university_event contribution.
	OrganizerID uint64 `json:"organizer_id"`
	// OrganizerContributionID is that contribution, once created.
	OrganizerContributionID uint64 `json:"organizer_contribution_id"`
	Talks                   []Talk `json:"talks"`
	// Registered and CheckedIn count the attendee records: the store fills them when it
	// reads the event and never keeps them, so a check-in at the door does
	// not change the event's version under an organizer editing it.
	Registered int       `json:"registered"`
	CheckedIn  int       `json:"checked_in"`
	Version    int       `json:"version"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// Talk is one talk at an event. ContributionID links the contribution it
// created (0 when its event kind earns no points); it identifies the talk
// across edits.
type Talk struct {
	MemberID       uint64 `json:"member_id"`
	Title          string `json:"title"`
	ContributionID uint64 `json:"contribution_id"`
}

// Year is the calendar year of the event.
func (e Event) Year() int {
	t, err := time.Parse(DateLayout, e.Date)
	if err != nil {
		return 0
	}
	return t.Year()
}

// TalkKind is the contribution kind a talk at this event earns, or "".
func (e Event) TalkKind() string { return talkKinds[e.Kind] }

// OrganizerKind is the contribution kind the organizer earns, or "".
func (e Event) OrganizerKind() string {
	if e.Kind == EventUniversity {
		return organizerKind
	}
	return ""
}

func (e *Event) Normalize() {
	e.Name = strings.TrimSpace(e.Name)
	e.NameEN = strings.Join(strings.Fields(e.NameEN), " ")
	e.Kind = strings.TrimSpace(e.Kind)
	e.Date = strings.TrimSpace(e.Date)
	e.City = strings.TrimSpace(e.City)
	e.Registered, e.CheckedIn = 0, 0
	if e.Talks == nil {
		e.Talks = []Talk{}
	}
	for i := range e.Talks {
		e.Talks[i].Title = strings.TrimSpace(e.Talks[i].Title)
	}
}

func (e Event) Validate() error {
	f := FieldErrors{}
	if e.Name == "" {
		f.Add("name", "required")
	}
	checkTexts(f, textField{"name", e.Name, MaxTitle, false}, textField{"city", e.City, MaxCity, false})
	checkEnglish(f, "name_en", e.NameEN, 200)
	if !slices.Contains(EventKinds, e.Kind) {
		f.Add("kind", "invalid_choice")
	}
	if e.Date == "" {
		f.Add("date", "required")
	} else if y := e.Year(); y < 2000 || y > 2999 {
		f.Add("date", "invalid_date")
	}
	if e.Attendance < 0 {
		f.Add("attendance", "not_positive")
	}
	if e.Kind == EventUniversity && e.OrganizerID == 0 {
		f.Add("organizer_id", "required")
	}
	for _, t := range e.Talks {
		if t.MemberID == 0 {
			f.Add("talks", "speaker_required")
		}
		if t.Title == "" {
			f.Add("talks", "title_required")
		}
		checkText(f, "talks", t.Title, MaxTitle, false)
	}
	return f.Err()
}

// EventPlan is what saving an event does to contributions: worked out by
// the service, applied by the store in the event's own transaction.
type EventPlan struct {
	Create []EventContribution
	Update []Contribution
	Delete []Contribution
}

// EventContribution is a contribution to create for a talk (Talk is its
// index in Talks) or, with Talk -1, for the organizer.
type EventContribution struct {
	Talk         int
	Contribution Contribution
}
