package service

import (
	"strconv"

	"acedesk/app"
	"acedesk/app/rules"
)

// decisionStore is what DecisionService needs of the store.
type decisionStore interface {
	// CreateDecision records a decision; a correction also sets the holding.
	CreateDecision(d app.Decision, ch app.Change) (app.Decision, error)
	Decisions(year int) ([]app.Decision, error)
	GetDecision(id uint64) (app.Decision, error)
	GetGroup(id uint64) (app.Group, error)
	GetMember(id uint64) (app.Member, error)
	WithdrawDecision(d app.Decision, ch app.Change) (app.Decision, error)
}

// DecisionService records the levels people decide: promotions,
// invitations, special grants and corrections, each with a reason.
type DecisionService struct {
	repo     decisionStore
	settings *SettingsService
}

// List returns the decisions of year (0: every year).
func (s *DecisionService) List(year int) ([]app.Decision, error) { return s.repo.Decisions(year) }

// Create records a decision made now by the operator.
func (s *DecisionService) Create(in app.Decision) (app.Decision, error) {
	in.Normalize()
	in.Withdrawn, in.WithdrawReason = false, ""
	if err := in.Validate(); err != nil {
		return app.Decision{}, err
	}
	m, err := s.repo.GetMember(in.MemberID)
	if err != nil {
		return app.Decision{}, err
	}
	if m.Archived {
		return app.Decision{}, app.Errorf(app.CodeConflict, "member_archived", "%s is archived: restore them first", m.Name).WithParams("member", m.Name)
	}
	if in.Kind == app.DecisionPromotion {
		if err := s.checkLead(in); err != nil {
			return app.Decision{}, err
		}
	}
	c, err := s.settings.change()
	if err != nil {
		return app.Decision{}, err
	}
	in.DecidedBy, in.DecidedAt = c.Actor, c.At
	return s.repo.CreateDecision(in, c)
}

// checkLead refuses to promote someone who does not lead the group that
// year: promotion is of an outstanding lead.
func (s *DecisionService) checkLead(d app.Decision) error {
	g, err := s.repo.GetGroup(d.GroupID)
	if err != nil {
		return err
	}
	if t, ok := g.Term(d.Year); !ok || t.LeadID != d.MemberID || !g.LeadsGivePartner() {
		return app.Errorf(app.CodeConflict, "not_lead", "the member does not lead %s in %d", g.Name, d.Year).
			WithParams("group", g.Name, "year", strconv.Itoa(d.Year))
	}
	return nil
}

// Withdraw takes a decision back, with a reason; it stays on record.
func (s *DecisionService) Withdraw(id uint64, version int, reason string) (app.Decision, error) {
	d, err := s.repo.GetDecision(id)
	if err != nil {
		return app.Decision{}, err
	}
	if d.Withdrawn {
		return app.Decision{}, app.Errorf(app.CodeConflict, "decision_withdrawn", "decision %d is already withdrawn", id)
	}
	d.Version, d.Withdrawn, d.WithdrawReason = version, true, reason
	d.Normalize()
	if err := d.Validate(); err != nil {
		return app.Decision{}, err
	}
	c, err := s.settings.change()
	if err != nil {
		return app.Decision{}, err
	}
	return s.repo.WithdrawDecision(d, c)
}

// rolesOf turns a year's group leads and decisions into the rules' roles.
// Withdrawn decisions and corrections give no role.
func rolesOf(year int, groups []app.Group, decisions []app.Decision) []rules.Role {
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
		case app.DecisionPromotion:
			role.Kind = rules.RolePromotedLead
		case app.DecisionInvitation:
			role.Kind = rules.RoleInvitation
		case app.DecisionSpecialGrant:
			role.Kind, role.Level = rules.RoleSpecialGrant, rules.Level(d.Level)
		default:
			continue
		}
		out = append(out, role)
	}
	return out
}
