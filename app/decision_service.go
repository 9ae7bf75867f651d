package app

import (
	"strconv"

	"acedesk/app/rules"
)

// DecisionService records the levels people decide: promotions,
// invitations, special grants and corrections, each with a reason.
type DecisionService struct {
	repo     Repository
	settings *SettingsService
}

// List returns the decisions of year (0: every year).
func (s *DecisionService) List(year int) ([]Decision, error) { return s.repo.Decisions(year) }

// Create records a decision made now by the operator.
func (s *DecisionService) Create(in Decision) (Decision, error) {
	in.Normalize()
	in.Withdrawn, in.WithdrawReason = false, ""
	if err := in.Validate(); err != nil {
		return Decision{}, err
	}
	m, err := s.repo.GetMember(in.MemberID)
	if err != nil {
		return Decision{}, err
	}
	if m.Archived {
		return Decision{}, Errorf(CodeConflict, "member_archived", "%s is archived: restore them first", m.Name).WithParams("member", m.Name)
	}
	if in.Kind == DecisionPromotion {
		if err := s.checkLead(in); err != nil {
			return Decision{}, err
		}
	}
	c, err := s.settings.change()
	if err != nil {
		return Decision{}, err
	}
	in.DecidedBy, in.DecidedAt = c.Actor, c.At
	return s.repo.CreateDecision(in, c)
}

// checkLead refuses to promote someone who does not lead the group that
// year: promotion is of an outstanding lead.
func (s *DecisionService) checkLead(d Decision) error {
	g, err := s.repo.GetGroup(d.GroupID)
	if err != nil {
		return err
	}
	if t, ok := g.Term(d.Year); !ok || t.LeadID != d.MemberID || !g.LeadsGivePartner() {
		return Errorf(CodeConflict, "not_lead", "the member does not lead %s in %d", g.Name, d.Year).
			WithParams("group", g.Name, "year", strconv.Itoa(d.Year))
	}
	return nil
}

// Withdraw takes a decision back, with a reason; it stays on record.
func (s *DecisionService) Withdraw(id uint64, version int, reason string) (Decision, error) {
	d, err := s.repo.GetDecision(id)
	if err != nil {
		return Decision{}, err
	}
	if d.Withdrawn {
		return Decision{}, Errorf(CodeConflict, "decision_withdrawn", "decision %d is already withdrawn", id)
	}
	d.Version, d.Withdrawn, d.WithdrawReason = version, true, reason
	d.Normalize()
	if err := d.Validate(); err != nil {
		return Decision{}, err
	}
	c, err := s.settings.change()
	if err != nil {
		return Decision{}, err
	}
	return s.repo.WithdrawDecision(d, c)
}

// rolesOf turns a year's group leads and decisions into the rules' roles.
// Withdrawn decisions and corrections give no role.
func rolesOf(year int, groups []Group, decisions []Decision) []rules.Role {
	names := make(map[uint64]string, len(groups))
	var out []rules.Role
	for _, g := range groups {
		names[g.ID] = g.Name
		t, ok := g.Term(year)
		if !ok || t.LeadID == 0 || !g.LeadsGivePartner() {
			continue
		}
		since, _ := rules.ParseDate(t.LeadSince) // "" leads all year: the zero date
		out = append(out, rules.Role{MemberID: t.LeadID, Year: year, Kind: rules.RoleGroupLead, Group: g.Name, Since: since})
	}
	for _, d := range decisions {
		if d.Year != year || d.Withdrawn {
			continue
		}
		role := rules.Role{MemberID: d.MemberID, Year: year, Group: names[d.GroupID],
			Since: rules.Date{Year: d.DecidedAt.Year(), Month: d.DecidedAt.Month(), Day: d.DecidedAt.Day()}}
		switch d.Kind {
		case DecisionPromotion:
			role.Kind = rules.RolePromotedLead
		case DecisionInvitation:
			role.Kind = rules.RoleInvitation
		case DecisionSpecialGrant:
			role.Kind, role.Level = rules.RoleSpecialGrant, rules.Level(d.Level)
		default:
			continue
		}
		out = append(out, role)
	}
	return out
}
