package app

import (
	"strconv"

	"acedesk/app/rules"
)

// ContributionService records what members did and decides which count.
type ContributionService struct {
	repo     Repository
	settings *SettingsService
	rules    *RulesService
}

// Create records a contribution (pending unless a status is given).
func (s *ContributionService) Create(in Contribution) (Contribution, error) {
	if _, err := s.check(&in); err != nil {
		return Contribution{}, err
	}
	c, err := s.settings.change()
	if err != nil {
		return Contribution{}, err
	}
	return s.repo.CreateContribution(in, c)
}

// Update saves an edit made from in.Version.
func (s *ContributionService) Update(in Contribution) (Contribution, error) {
	if _, err := s.check(&in); err != nil {
		return Contribution{}, err
	}
	return s.save(in, ActionUpdate)
}

// Approve lets a contribution count; Reject keeps it on record without points.
func (s *ContributionService) Approve(id uint64, version int) (Contribution, error) {
	return s.setStatus(id, version, StatusApproved)
}

func (s *ContributionService) Reject(id uint64, version int) (Contribution, error) {
	return s.setStatus(id, version, StatusRejected)
}

func (s *ContributionService) setStatus(id uint64, version int, status string) (Contribution, error) {
	cur, err := s.repo.GetContribution(id)
	if err != nil {
		return Contribution{}, err
	}
	cur.Status, cur.Version = status, version
	return s.save(cur, status)
}

func (s *ContributionService) save(in Contribution, action string) (Contribution, error) {
	c, err := s.settings.change()
	if err != nil {
		return Contribution{}, err
	}
	return s.repo.UpdateContribution(in, action, c)
}

// Delete removes a contribution recorded by mistake. One an event created
// goes with its talk, in the event.
func (s *ContributionService) Delete(id uint64, version int) error {
	cur, err := s.repo.GetContribution(id)
	if err != nil {
		return err
	}
	if cur.EventID != 0 {
		return Errorf(CodeConflict, "contribution_of_event", "this contribution belongs to event %d: remove the talk there", cur.EventID).
			WithParams("event", strconv.FormatUint(cur.EventID, 10))
	}
	c, err := s.settings.change()
	if err != nil {
		return err
	}
	return s.repo.DeleteContribution(id, version, c)
}

// ForMember lists a member's contributions.
func (s *ContributionService) ForMember(memberID uint64) ([]Contribution, error) {
	return s.repo.ContributionsOfMember(memberID)
}

// Points is what this contribution alone earns under its year's rules, for
// the entry form: quantity in whole units times the kind's points, or the
// override. (PG 豆 are summed over the year, so a year's total can exceed
// the sum of single previews.)
func (s *ContributionService) Points(in Contribution) (int, error) {
	k, err := s.check(&in)
	if err != nil {
		return 0, err
	}
	return pointsOf(k, in), nil
}

// check normalizes and validates in, including that its kind (a key or a
// label) exists in its year's rules, and that its member is on the roster.
// It returns the kind's rule.
func (s *ContributionService) check(in *Contribution) (rules.KindRule, error) {
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
		return k, Errorf(CodeConflict, "member_archived", "%s is archived: restore them first", m.Name).WithParams("member", m.Name)
	}
	return k, nil
}
