package service

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"acedesk/app"
	"acedesk/app/rules"
)

// attendeeStore is what AttendeeService needs of the store.
type attendeeStore interface {
	Attendees(eventID uint64) ([]app.Attendee, error)
	// CheckInCandidates returns at most limit active members that match
	// (given their lower-cased name and Latin name, and phone), the
	// event's registered ones first, each group in roster order.
	CheckInCandidates(eventID uint64, match func(name, latin, phone []byte) bool, limit int) ([]app.AttendeeCandidate, error)
	DeleteAttendee(eventID, memberID uint64, version int, ch app.Change) error
	GetAttendee(eventID, memberID uint64) (app.Attendee, bool, error)
	GetEvent(id uint64) (app.Event, error)
	// GetEventBare loads an event without counting its attendees, for the
	// door's frequent reads that do not show the counts.
	GetEventBare(id uint64) (app.Event, error)
	GetMember(id uint64) (app.Member, error)
	// HoldingsOf reads the holdings of these members in year (those
	// without one are absent): a door's few rows need not read every
	// holder.
	HoldingsOf(year int, memberIDs []uint64) ([]app.Holding, error)
	// SaveAttendee creates the record (a.Version 0; a conflict if one
	// exists) or updates it if a.Version is the stored one.
	SaveAttendee(a app.Attendee, action string, ch app.Change) (app.Attendee, error)
	// WalkIn creates the member and their attendee record at once: both or
	// neither.
	WalkIn(m app.Member, a app.Attendee, ch app.Change) (app.Member, app.Attendee, error)
}

// AttendeeService is the door of an event: who registered, who came, who
// sits in front, and what the LAN desk on a phone needs there (the
// attendee's QR pass, a speaker's thanks certificate). Its methods take
// IDs and versions only, because phones at the door call them too.
type AttendeeService struct {
	repo         attendeeStore
	settings     *SettingsService
	levels       *LevelService
	printer      app.Printer
	codes        app.Codes
	certificates *CertificateService
	names
}

// maxCheckInHits bounds a check-in search: a volunteer reads a screenful.
const maxCheckInHits = 20

// Attendees lists an event's attendees with their current level, in
// roster order.
func (s *AttendeeService) Attendees(eventID uint64) ([]app.AttendeeRow, error) {
	e, err := s.repo.GetEvent(eventID)
	if err != nil {
		return nil, err
	}
	list, err := s.repo.Attendees(eventID)
	if err != nil {
		return nil, err
	}
	cands := make([]app.AttendeeCandidate, 0, len(list))
	for _, a := range list {
		m, err := s.repo.GetMember(a.MemberID)
		if err != nil {
			return nil, err
		}
		cands = append(cands, app.AttendeeCandidate{Member: m, Attendee: a, Registered: true})
	}
	rows, err := s.rows(e, cands)
	slices.SortFunc(rows, func(a, b app.AttendeeRow) int { return cmp.Compare(rosterKey(a), rosterKey(b)) })
	return rows, err
}

// rosterKey orders people by pinyin, then by name; those without a Latin
// name (often walk-ins) come last.
func rosterKey(r app.AttendeeRow) string {
	if r.NameLatin == "" {
		return "\uffff" + r.Name
	}
	return strings.ToLower(r.NameLatin) + "\x01" + r.Name
}

// rows turns candidates into what a desk sees, with the level each holds
// in the event's year.
func (s *AttendeeService) rows(e app.Event, cands []app.AttendeeCandidate) ([]app.AttendeeRow, error) {
	ids := make([]uint64, len(cands))
	for i, c := range cands {
		ids[i] = c.Member.ID
	}
	levels, err := s.levelsIn(e.Year(), ids)
	if err != nil {
		return nil, err
	}
	out := make([]app.AttendeeRow, 0, len(cands))
	for _, c := range cands {
		m, a := c.Member, c.Attendee
		out = append(out, app.AttendeeRow{EventID: e.ID, MemberID: m.ID, Name: m.Name, NameLatin: m.NameLatin, Organization: m.Organization,
			Phone: app.MaskPhone(m.Phone), Level: string(cmp.Or(levels[m.ID], rules.LevelNone)), Registered: c.Registered, WalkIn: a.WalkIn,
			CheckedIn: a.CheckedIn, CheckedInAt: a.CheckedInAt, CheckedInBy: a.CheckedInBy, Device: a.Device, Version: a.Version})
	}
	return out, nil
}

// levelsIn is the level each of these members holds in year.
func (s *AttendeeService) levelsIn(year int, memberIDs []uint64) (map[uint64]rules.Level, error) {
	holdings, err := s.repo.HoldingsOf(year, memberIDs)
	if err != nil {
		return nil, err
	}
	out := make(map[uint64]rules.Level, len(holdings))
	for _, h := range holdings {
		out[h.MemberID] = rules.Level(h.Level)
	}
	return out, nil
}

// row is one attendee as a desk sees it, after a change.
func (s *AttendeeService) row(a app.Attendee) (app.AttendeeRow, error) {
	e, err := s.repo.GetEventBare(a.EventID)
	if err != nil {
		return app.AttendeeRow{}, err
	}
	m, err := s.repo.GetMember(a.MemberID)
	if err != nil {
		return app.AttendeeRow{}, err
	}
	rows, err := s.rows(e, []app.AttendeeCandidate{{Member: m, Attendee: a, Registered: true}})
	if err != nil {
		return app.AttendeeRow{}, err
	}
	return rows[0], nil
}

// Register adds a roster member to an event's attendees.
func (s *AttendeeService) Register(eventID, memberID uint64) (app.AttendeeRow, error) {
	m, err := s.repo.GetMember(memberID)
	if err != nil {
		return app.AttendeeRow{}, err
	}
	if m.Archived {
		return app.AttendeeRow{}, app.Errorf(app.CodeConflict, "member_archived", "%s is archived: restore them first", m.Name).WithParams("member", m.Name)
	}
	c, err := s.settings.change()
	if err != nil {
		return app.AttendeeRow{}, err
	}
	a, err := s.repo.SaveAttendee(app.Attendee{EventID: eventID, MemberID: memberID, RegisteredAt: c.At}, app.ActionRegister, c)
	if isStale(err) {
		err = app.Errorf(app.CodeConflict, "already_registered", "%s is already registered", m.Name).WithParams("member", m.Name)
	}
	if err != nil {
		return app.AttendeeRow{}, err
	}
	return s.row(a)
}

// Unregister removes an attendee who has not checked in.
func (s *AttendeeService) Unregister(eventID, memberID uint64, version int) error {
	a, err := s.attendee(eventID, memberID)
	if err != nil {
		return err
	}
	if a.CheckedIn {
		return s.conflict(a, "attendee_checked_in", "%s has checked in: undo the check-in first")
	}
	c, err := s.settings.change()
	if err != nil {
		return err
	}
	return s.repo.DeleteAttendee(eventID, memberID, version, c)
}

// CheckIn checks a member in, from the attendee version the desk showed
// (0: not registered, which registers them too). device names the desk.
// Of two desks checking in one person, the second gets a conflict.
func (s *AttendeeService) CheckIn(eventID, memberID uint64, version int, device string) (app.AttendeeRow, error) {
	return s.door(eventID, memberID, version, device, true)
}

// UndoCheckIn takes back a check-in made by mistake; the registration stays.
func (s *AttendeeService) UndoCheckIn(eventID, memberID uint64, version int, device string) (app.AttendeeRow, error) {
	return s.door(eventID, memberID, version, device, false)
}

func (s *AttendeeService) door(eventID, memberID uint64, version int, device string, in bool) (app.AttendeeRow, error) {
	device, err := app.DeviceName(device)
	if err != nil {
		return app.AttendeeRow{}, err
	}
	a, found, err := s.repo.GetAttendee(eventID, memberID)
	if err != nil {
		return app.AttendeeRow{}, err
	}
	switch {
	case !found && !in:
		return app.AttendeeRow{}, s.notFound(eventID, memberID)
	case found && a.CheckedIn == in:
		return app.AttendeeRow{}, s.doorConflict(a)
	}
	if !found {
		m, err := s.repo.GetMember(memberID)
		if err != nil {
			return app.AttendeeRow{}, err
		}
		if m.Archived {
			return app.AttendeeRow{}, app.Errorf(app.CodeConflict, "member_archived", "%s is archived: restore them first", m.Name).WithParams("member", m.Name)
		}
		a = app.Attendee{EventID: eventID, MemberID: memberID}
	}
	c, err := s.settings.change()
	if err != nil {
		return app.AttendeeRow{}, err
	}
	a.Version = version
	action := app.ActionUndoCheckIn
	if in {
		action = app.ActionCheckIn
		if a.RegisteredAt.IsZero() {
			a.RegisteredAt = c.At
		}
		a.CheckedIn, a.CheckedInAt, a.CheckedInBy, a.Device = true, c.At, c.Actor, device
	} else {
		a.CheckedIn, a.CheckedInAt, a.CheckedInBy, a.Device = false, time.Time{}, "", ""
	}
	saved, err := s.repo.SaveAttendee(a, action, c)
	if err != nil {
		return app.AttendeeRow{}, s.explain(eventID, memberID, in, err)
	}
	return s.row(saved)
}

// explain turns a lost race into what the desk needs to know: another
// desk already checked this person in (in), or took the check-in back.
func (s *AttendeeService) explain(eventID, memberID uint64, in bool, err error) error {
	if !isStale(err) {
		return err
	}
	if a, ok, gerr := s.repo.GetAttendee(eventID, memberID); gerr == nil && ok && a.CheckedIn == in {
		return s.doorConflict(a)
	}
	return err
}

func isStale(err error) bool {
	e := app.AsError(err)
	return e != nil && e.Code == app.CodeConflict && e.Reason == "stale"
}

// doorConflict says a check-in (or its undoing) was already done.
func (s *AttendeeService) doorConflict(a app.Attendee) error {
	if !a.CheckedIn {
		return s.conflict(a, "not_checked_in", "%s has not checked in")
	}
	// At the door, which desk was first tells the volunteers more than the
	// operator's name, which is the same on every phone.
	reason := "already_checked_in"
	if a.Device != "" {
		reason = "already_checked_in_device"
	}
	e := s.conflict(a, reason, "%s has already checked in")
	return app.AsError(e).WithParams("by", a.CheckedInBy, "device", a.Device, "at", a.CheckedInAt.Format("15:04"))
}

func (s *AttendeeService) conflict(a app.Attendee, reason, format string) error {
	name := strconv.FormatUint(a.MemberID, 10)
	if m, err := s.repo.GetMember(a.MemberID); err == nil {
		name = m.Name
	}
	return app.Errorf(app.CodeConflict, reason, format, name).WithParams("member", name)
}

func (s *AttendeeService) attendee(eventID, memberID uint64) (app.Attendee, error) {
	a, ok, err := s.repo.GetAttendee(eventID, memberID)
	if err == nil && !ok {
		err = s.notFound(eventID, memberID)
	}
	return a, err
}

func (s *AttendeeService) notFound(eventID, memberID uint64) error {
	return app.Errorf(app.CodeNotFound, "attendee_not_found", "member %d is not registered for event %d", memberID, eventID).
		WithParams("id", strconv.FormatUint(memberID, 10))
}

// WalkIn adds someone who came without registering: a new roster member
// with a name and a phone, checked in, in one transaction. A phone already
// on the roster is a conflict naming its member: search for them instead.
func (s *AttendeeService) WalkIn(eventID uint64, in app.WalkIn, device string) (app.AttendeeRow, error) {
	device, err := app.DeviceName(device)
	if err != nil {
		return app.AttendeeRow{}, err
	}
	m := app.Member{Name: in.Name, NameLatin: in.NameLatin, Phone: in.Phone}
	m.Normalize()
	s.fill(&m)
	err = m.Validate()
	if m.Phone == "" {
		f := app.FieldErrors{"phone": "required"}
		if err != nil {
			for k, v := range app.AsError(err).Fields {
				f.Add(k, v)
			}
		}
		err = f.Err()
	}
	if err == nil {
		err = s.printable(m)
	}
	if err != nil {
		return app.AttendeeRow{}, err
	}
	c, err := s.settings.change()
	if err != nil {
		return app.AttendeeRow{}, err
	}
	_, a, err := s.repo.WalkIn(m, app.Attendee{EventID: eventID, WalkIn: true, RegisteredAt: c.At,
		CheckedIn: true, CheckedInAt: c.At, CheckedInBy: c.Actor, Device: device}, c)
	if err != nil {
		return app.AttendeeRow{}, err
	}
	return s.row(a)
}

// CheckInSearch finds people for the door by name, pinyin (also its
// initials) or phone: the event's registered attendees first, then the
// rest of the roster, at most a screenful.
func (s *AttendeeService) CheckInSearch(eventID uint64, text string) ([]app.AttendeeRow, error) {
	e, err := s.repo.GetEventBare(eventID)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return []app.AttendeeRow{}, nil
	}
	cands, err := s.repo.CheckInCandidates(eventID, app.CheckInMatcher(text), maxCheckInHits)
	if err != nil {
		return nil, err
	}
	return s.rows(e, cands)
}

// FrontRow is the seating list of the reserved front row: the attendees
// who hold a level in the event's year, Director first, then ACE, then
// Partner, each by pinyin. Everyone registered is listed, checked in or
// not, because the row and its cards are set up before the doors open.
func (s *AttendeeService) FrontRow(eventID uint64) ([]app.AttendeeRow, error) {
	all, err := s.Attendees(eventID)
	if err != nil {
		return nil, err
	}
	out := slices.DeleteFunc(all, func(r app.AttendeeRow) bool { return rules.Level(r.Level).Rank() == 0 })
	slices.SortStableFunc(out, func(a, b app.AttendeeRow) int {
		return cmp.Compare(rules.Level(b.Level).Rank(), rules.Level(a.Level).Rank())
	})
	return out, nil
}

// PlaceCards is the PDF of the front row's tent cards (桌卡), one A4 page
// each, in seating order.
func (s *AttendeeService) PlaceCards(eventID uint64) (FileResult, error) {
	e, err := s.repo.GetEvent(eventID)
	if err != nil {
		return FileResult{}, err
	}
	row, err := s.FrontRow(eventID)
	if err != nil {
		return FileResult{}, err
	}
	if len(row) == 0 {
		return FileResult{}, app.Errorf(app.CodeConflict, "front_row_empty", "no attendee of %s holds a level", e.Name).WithParams("event", e.Name)
	}
	cards := make([]app.PlaceCard, len(row))
	for i, a := range row {
		if err := printable(s.printer, a.Name, a.MemberID, a.Name, a.NameLatin); err != nil {
			return FileResult{}, err
		}
		l := rules.Level(a.Level)
		cards[i] = app.PlaceCard{Name: a.Name, NameLatin: a.NameLatin, LevelZH: l.LabelZH(), LevelEN: l.LabelEN()}
		if cards[i].LevelEN == cards[i].LevelZH { // "PostgreSQL ACE" reads the same in both
			cards[i].LevelEN = ""
		}
	}
	var buf bytes.Buffer
	if err := s.printer.PlaceCards(&buf, cards); err != nil {
		return FileResult{}, err
	}
	return FileResult{Name: "placecards-" + strconv.FormatUint(e.ID, 10) + ".pdf", Data: buf.Bytes()}, nil
}

// SpeakerCertificate issues (the first time) and renders the thanks
// certificate of one speaker of an event, for a desk to download: a
// download, which counts no paper.
func (s *AttendeeService) SpeakerCertificate(eventID, memberID uint64) (FileResult, error) {
	certs, err := s.certificates.ForMember(memberID, app.CertThanks, 0, eventID)
	if err != nil {
		return FileResult{}, err
	}
	return s.certificates.Preview(certs[0].Serial)
}

// SpeakerPicture is the same certificate as a PNG for a phone screen, for
// the speaker to post.
func (s *AttendeeService) SpeakerPicture(eventID, memberID uint64) (FileResult, error) {
	certs, err := s.certificates.ForMember(memberID, app.CertThanks, 0, eventID)
	if err != nil {
		return FileResult{}, err
	}
	return s.certificates.Picture(certs[0].Serial)
}

// attendeePrefix starts the QR code of an attendee: ACE-ATT:<event>:<member>.
const attendeePrefix = "ACE-ATT:"

// AttendeeCode is the text of an attendee's QR code.
func AttendeeCode(eventID, memberID uint64) string {
	return fmt.Sprintf("%s%d:%d", attendeePrefix, eventID, memberID)
}

// parseAttendeeCode reads an attendee QR code's text; ok is false for any
// other text.
func parseAttendeeCode(text string) (eventID, memberID uint64, ok bool) {
	rest, found := strings.CutPrefix(text, attendeePrefix)
	ev, mem, found2 := strings.Cut(rest, ":")
	if !found || !found2 {
		return 0, 0, false
	}
	e, err1 := strconv.ParseUint(ev, 10, 64)
	m, err2 := strconv.ParseUint(mem, 10, 64)
	return e, m, err1 == nil && err2 == nil
}

// AttendeeQR is the QR code a registered attendee shows at the door.
func (s *AttendeeService) AttendeeQR(eventID, memberID uint64) (string, error) {
	if _, err := s.attendee(eventID, memberID); err != nil {
		return "", err
	}
	return s.codes.QRDataURL(AttendeeCode(eventID, memberID))
}

// ScanAttendee finds the attendees of this event whose QR codes are in a
// photo; codes of other events and other QR codes are ignored, and a photo
// without any code gives an empty list.
func (s *AttendeeService) ScanAttendee(eventID uint64, name string, data []byte) ([]app.AttendeeRow, error) {
	e, err := s.repo.GetEventBare(eventID)
	if err != nil {
		return nil, err
	}
	if err := checkVerifySize(name, data); err != nil {
		return nil, err
	}
	texts, err := s.codes.FromImage(bytes.NewReader(data))
	if errors.Is(err, app.ErrNoCode) {
		return []app.AttendeeRow{}, nil
	}
	if err != nil {
		return nil, noPayload(name, err)
	}
	var cands []app.AttendeeCandidate
	for _, t := range texts {
		ev, mem, ok := parseAttendeeCode(t)
		if !ok || ev != eventID {
			continue
		}
		a, found, err := s.repo.GetAttendee(eventID, mem)
		if err != nil {
			return nil, err
		}
		if !found {
			continue
		}
		m, err := s.repo.GetMember(mem)
		if err != nil {
			return nil, err
		}
		cands = append(cands, app.AttendeeCandidate{Member: m, Attendee: a, Registered: true})
	}
	return s.rows(e, cands)
}
