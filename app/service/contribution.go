package service

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"acedesk/app"
	"acedesk/app/rules"
)

// contributionStore is what ContributionService needs of the store.
type contributionStore interface {
	AuditFor(entity string, id uint64) ([]app.AuditEntry, error)
	ContributionsOfMember(memberID uint64) ([]app.Contribution, error)
	CreateContribution(c app.Contribution, ch app.Change) (app.Contribution, error)
	DeleteContribution(id uint64, version int, ch app.Change) error
	GetContribution(id uint64) (app.Contribution, error)
	GetMember(id uint64) (app.Member, error)
	// ListContributions returns one page of q.Year's contributions matching
	// q, newest date first, with member names and phones (points left 0).
	ListContributions(q app.ContributionQuery) (app.ContributionPage, error)
	UpdateContribution(c app.Contribution, action string, ch app.Change) (app.Contribution, error)
}

// ContributionService records what members did and decides which count.
type ContributionService struct {
	repo     contributionStore
	settings *SettingsService
	rules    *RulesService
}

// Create records a contribution (pending unless a status is given).
func (s *ContributionService) Create(in app.Contribution) (app.Contribution, error) {
	if _, err := s.check(&in); err != nil {
		return app.Contribution{}, err
	}
	c, err := s.settings.change()
	if err != nil {
		return app.Contribution{}, err
	}
	return s.repo.CreateContribution(in, c)
}

// Update saves an edit made from in.Version, with the reason for it. An
// approved contribution counts already, so changing it needs a reason,
// which the audit keeps beside the record before and after. The status
// changes only by Approve, Reject and Withdraw; a contribution an event
// made keeps the event's member, kind, date and title (its talk's). Saving what is already
// stored changes nothing.
func (s *ContributionService) Update(in app.Contribution, reason string) (app.Contribution, error) {
	cur, err := s.repo.GetContribution(in.ID)
	if err != nil {
		return app.Contribution{}, err
	}
	in.Status, in.EventID = cur.Status, cur.EventID
	if _, err := s.check(&in); err != nil {
		return app.Contribution{}, err
	}
	if cur.EventID != 0 && (in.MemberID != cur.MemberID || in.Kind != cur.Kind || in.Date != cur.Date || in.Title != cur.Title) {
		return app.Contribution{}, ofEvent(cur.EventID)
	}
	if sameContent(in, cur) {
		return cur, nil
	}
	if err := checkReason(reason, cur.Status == app.StatusApproved); err != nil {
		return app.Contribution{}, err
	}
	return s.save(in, app.ActionUpdate, reason)
}

// Withdraw takes back the decision on a contribution, with the reason for
// it: an approved one stops counting, a rejected one is looked at again;
// both are pending until approved or rejected anew.
func (s *ContributionService) Withdraw(id uint64, version int, reason string) (app.Contribution, error) {
	cur, err := s.repo.GetContribution(id)
	if err != nil {
		return app.Contribution{}, err
	}
	if cur.Status == app.StatusPending {
		return app.Contribution{}, app.Errorf(app.CodeConflict, "contribution_pending", "contribution %d is pending: there is no decision to withdraw", id)
	}
	if err := checkReason(reason, true); err != nil {
		return app.Contribution{}, err
	}
	cur.Status, cur.Version = app.StatusPending, version
	return s.save(cur, app.ActionWithdraw, reason)
}

// History lists a contribution's audit entries, oldest first: who recorded,
// changed and decided it, when, and why.
func (s *ContributionService) History(id uint64) ([]app.AuditEntry, error) {
	return s.repo.AuditFor("contribution", id)
}

// sameContent reports whether a and b say the same, whatever their
// versions and times.
func sameContent(a, b app.Contribution) bool {
	sameOverride := (a.Override == nil) == (b.Override == nil) && (a.Override == nil || *a.Override == *b.Override)
	return a.MemberID == b.MemberID && a.Kind == b.Kind && a.Date == b.Date && a.Quantity == b.Quantity &&
		a.Title == b.Title && a.Evidence == b.Evidence && sameOverride && a.OverrideReason == b.OverrideReason
}

// checkReason refuses a missing reason where one is needed, and one too
// long to keep, as a field error of the form's reason box.
func checkReason(reason string, needed bool) error {
	f := app.FieldErrors{}
	reason = strings.TrimSpace(reason)
	if needed && reason == "" {
		f.Add("reason", "required")
	}
	if utf8.RuneCountInString(reason) > maxReason {
		f.Add("reason", "too_long")
	}
	return f.Err()
}

// maxReason is as long as a contribution's other texts may be.
const maxReason = 500

// Approve lets a contribution count; Reject keeps it on record without points.
func (s *ContributionService) Approve(id uint64, version int) (app.Contribution, error) {
	return s.setStatus(id, version, app.StatusApproved)
}

func (s *ContributionService) Reject(id uint64, version int) (app.Contribution, error) {
	return s.setStatus(id, version, app.StatusRejected)
}

func (s *ContributionService) setStatus(id uint64, version int, status string) (app.Contribution, error) {
	cur, err := s.repo.GetContribution(id)
	if err != nil {
		return app.Contribution{}, err
	}
	cur.Status, cur.Version = status, version
	return s.save(cur, status, "")
}

func (s *ContributionService) save(in app.Contribution, action, reason string) (app.Contribution, error) {
	c, err := s.settings.change()
	if err != nil {
		return app.Contribution{}, err
	}
	c.Reason = strings.TrimSpace(reason)
	return s.repo.UpdateContribution(in, action, c)
}

// Delete removes a contribution recorded by mistake. One an event created
// goes with its talk, in the event; an approved one counts, so its approval
// is withdrawn first, with a reason.
func (s *ContributionService) Delete(id uint64, version int) error {
	cur, err := s.repo.GetContribution(id)
	if err != nil {
		return err
	}
	if cur.EventID != 0 {
		return ofEvent(cur.EventID)
	}
	if cur.Status == app.StatusApproved {
		return app.Errorf(app.CodeConflict, "contribution_approved", "contribution %d is approved: withdraw the approval, with a reason, before deleting it", id)
	}
	c, err := s.settings.change()
	if err != nil {
		return err
	}
	return s.repo.DeleteContribution(id, version, c)
}

// ForMember lists a member's contributions.
func (s *ContributionService) ForMember(memberID uint64) ([]app.Contribution, error) {
	return s.repo.ContributionsOfMember(memberID)
}

// Points is what this contribution alone earns under its year's rules, for
// the entry form: quantity in whole units times the kind's points, or the
// override. (PG 豆 are summed over the year, so a year's total can exceed
// the sum of single previews.)
func (s *ContributionService) Points(in app.Contribution) (int, error) {
	k, err := s.check(&in)
	if err != nil {
		return 0, err
	}
	return k.PointsOf(in.Quantity, in.Override), nil
}

// check normalizes and validates in, including that its kind (a key or a
// label) exists in its year's rules, and that its member is on the roster.
// It returns the kind's rule.
func (s *ContributionService) check(in *app.Contribution) (rules.KindRule, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return rules.KindRule{}, err
	}
	r, err := s.rules.Get(in.Year())
	if err != nil {
		return rules.KindRule{}, err
	}
	k, ok := r.Kind(in.Kind)
	if !ok {
		return k, unknownKind(in.Kind, in.Year())
	}
	in.Kind = k.Key
	m, err := s.repo.GetMember(in.MemberID)
	if err != nil {
		return k, err
	}
	if m.Archived {
		return k, app.Errorf(app.CodeConflict, "member_archived", "%s is archived: restore them first", m.Name).WithParams("member", m.Name)
	}
	return k, nil
}

// List returns one page of the year's contributions matching q, each with
// the points its year's rules give it.
func (s *ContributionService) List(q app.ContributionQuery) (app.ContributionPage, error) {
	q = q.Clamp()
	if err := q.Validate(); err != nil {
		return app.ContributionPage{}, err
	}
	page, err := s.repo.ListContributions(q)
	if err != nil {
		return app.ContributionPage{}, err
	}
	r, err := s.rules.Get(q.Year)
	if err != nil {
		return app.ContributionPage{}, err
	}
	for i := range page.Items {
		// A kind since removed from the year's table earns nothing.
		k, _ := r.Kind(page.Items[i].Kind)
		c := &page.Items[i].Contribution
		page.Items[i].Points = k.PointsOf(c.Quantity, c.Override)
	}
	return page, nil
}

// ofEvent refuses to change or delete, outside its event, what an event's
// talk or organiser made.
func ofEvent(event uint64) error {
	return app.Errorf(app.CodeConflict, "contribution_of_event", "this contribution belongs to event %d: change the talk there", event).
		WithParams("event", strconv.FormatUint(event, 10))
}

// unknownKind is the error of a kind that is neither a key nor a label of
// year's rules.
func unknownKind(kind string, year int) *app.Error {
	return &app.Error{Code: app.CodeInvalid, Reason: "fields", Message: "unknown contribution kind " + kind,
		Fields: map[string]string{"kind": "unknown_kind"}, Params: map[string]string{"kind": kind, "year": strconv.Itoa(year)}}
}
