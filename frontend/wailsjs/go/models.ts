export namespace app {
	
	export class AttendeeRow {
	    event_id: number;
	    member_id: number;
	    name: string;
	    name_latin: string;
	    organization: string;
	    phone: string;
	    level: string;
	    registered: boolean;
	    walk_in: boolean;
	    checked_in: boolean;
	    // Go type: time
	    checked_in_at: any;
	    checked_in_by: string;
	    device: string;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new AttendeeRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.event_id = source["event_id"];
	        this.member_id = source["member_id"];
	        this.name = source["name"];
	        this.name_latin = source["name_latin"];
	        this.organization = source["organization"];
	        this.phone = source["phone"];
	        this.level = source["level"];
	        this.registered = source["registered"];
	        this.walk_in = source["walk_in"];
	        this.checked_in = source["checked_in"];
	        this.checked_in_at = this.convertValues(source["checked_in_at"], null);
	        this.checked_in_by = source["checked_in_by"];
	        this.device = source["device"];
	        this.version = source["version"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AuditEntry {
	    id: number;
	    // Go type: time
	    at: any;
	    actor: string;
	    action: string;
	    entity: string;
	    entity_id: number;
	    before: any;
	    after: any;
	    reason?: string;
	
	    static createFrom(source: any = {}) {
	        return new AuditEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = this.convertValues(source["at"], null);
	        this.actor = source["actor"];
	        this.action = source["action"];
	        this.entity = source["entity"];
	        this.entity_id = source["entity_id"];
	        this.before = source["before"];
	        this.after = source["after"];
	        this.reason = source["reason"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReasonRow {
	    code: string;
	    params: {[key: string]: string};
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new ReasonRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.params = source["params"];
	        this.text = source["text"];
	    }
	}
	export class BatchEntry {
	    member_id: number;
	    name: string;
	    name_latin: string;
	    phone: string;
	    city: string;
	    level: string;
	    kind: string;
	    from: string;
	    qualified_on: string;
	    late: boolean;
	    reason: ReasonRow;
	
	    static createFrom(source: any = {}) {
	        return new BatchEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.member_id = source["member_id"];
	        this.name = source["name"];
	        this.name_latin = source["name_latin"];
	        this.phone = source["phone"];
	        this.city = source["city"];
	        this.level = source["level"];
	        this.kind = source["kind"];
	        this.from = source["from"];
	        this.qualified_on = source["qualified_on"];
	        this.late = source["late"];
	        this.reason = this.convertValues(source["reason"], ReasonRow);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Batch {
	    id: string;
	    year: number;
	    quarter: number;
	    supplement?: number;
	    entries: BatchEntry[];
	    published: boolean;
	    // Go type: time
	    published_at: any;
	    published_by: string;
	    blocked: ReasonRow;
	
	    static createFrom(source: any = {}) {
	        return new Batch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.year = source["year"];
	        this.quarter = source["quarter"];
	        this.supplement = source["supplement"];
	        this.entries = this.convertValues(source["entries"], BatchEntry);
	        this.published = source["published"];
	        this.published_at = this.convertValues(source["published_at"], null);
	        this.published_by = source["published_by"];
	        this.blocked = this.convertValues(source["blocked"], ReasonRow);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class BundleChapter {
	    id: string;
	    name: string;
	    city: string;
	
	    static createFrom(source: any = {}) {
	        return new BundleChapter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.city = source["city"];
	    }
	}
	export class CertWordings {
	    honor_zh: string;
	    honor_en: string;
	    appointment_zh: string;
	    appointment_en: string;
	    thanks_zh: string;
	    thanks_en: string;
	
	    static createFrom(source: any = {}) {
	        return new CertWordings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.honor_zh = source["honor_zh"];
	        this.honor_en = source["honor_en"];
	        this.appointment_zh = source["appointment_zh"];
	        this.appointment_en = source["appointment_en"];
	        this.thanks_zh = source["thanks_zh"];
	        this.thanks_en = source["thanks_en"];
	    }
	}
	export class Certificate {
	    serial: string;
	    kind: string;
	    member_id: number;
	    name: string;
	    name_latin: string;
	    title: string;
	    title_en: string;
	    level: string;
	    detail: string;
	    detail_en: string;
	    year: number;
	    source: string;
	    issued_on: string;
	    issuer: string;
	    payload: string;
	    prints: number;
	    revoked: boolean;
	    revoked_reason: string;
	    // Go type: time
	    revoked_at: any;
	    // Go type: time
	    created_at: any;
	
	    static createFrom(source: any = {}) {
	        return new Certificate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.serial = source["serial"];
	        this.kind = source["kind"];
	        this.member_id = source["member_id"];
	        this.name = source["name"];
	        this.name_latin = source["name_latin"];
	        this.title = source["title"];
	        this.title_en = source["title_en"];
	        this.level = source["level"];
	        this.detail = source["detail"];
	        this.detail_en = source["detail_en"];
	        this.year = source["year"];
	        this.source = source["source"];
	        this.issued_on = source["issued_on"];
	        this.issuer = source["issuer"];
	        this.payload = source["payload"];
	        this.prints = source["prints"];
	        this.revoked = source["revoked"];
	        this.revoked_reason = source["revoked_reason"];
	        this.revoked_at = this.convertValues(source["revoked_at"], null);
	        this.created_at = this.convertValues(source["created_at"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Signatory {
	    name: string;
	    title_zh: string;
	    title_en: string;
	    signature_png: number[];
	
	    static createFrom(source: any = {}) {
	        return new Signatory(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.title_zh = source["title_zh"];
	        this.title_en = source["title_en"];
	        this.signature_png = source["signature_png"];
	    }
	}
	export class CertificateSetup {
	    chapter_code: string;
	    issuer_zh: string;
	    issuer_en: string;
	    signatories: Signatory[];
	    seal_png: number[];
	    wording: CertWordings;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new CertificateSetup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.chapter_code = source["chapter_code"];
	        this.issuer_zh = source["issuer_zh"];
	        this.issuer_en = source["issuer_en"];
	        this.signatories = this.convertValues(source["signatories"], Signatory);
	        this.seal_png = source["seal_png"];
	        this.wording = this.convertValues(source["wording"], CertWordings);
	        this.version = source["version"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Claims {
	    serial: string;
	    name: string;
	    title: string;
	    year: number;
	    issuer: string;
	    date: string;
	
	    static createFrom(source: any = {}) {
	        return new Claims(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.serial = source["serial"];
	        this.name = source["name"];
	        this.title = source["title"];
	        this.year = source["year"];
	        this.issuer = source["issuer"];
	        this.date = source["date"];
	    }
	}
	export class Committee {
	    key: string;
	    label_zh: string;
	    label_en: string;
	
	    static createFrom(source: any = {}) {
	        return new Committee(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label_zh = source["label_zh"];
	        this.label_en = source["label_en"];
	    }
	}
	export class Contribution {
	    id: number;
	    member_id: number;
	    kind: string;
	    date: string;
	    quantity: number;
	    title: string;
	    evidence: string;
	    status: string;
	    override?: number;
	    override_reason: string;
	    event_id: number;
	    version: number;
	    // Go type: time
	    created_at: any;
	    // Go type: time
	    updated_at: any;
	
	    static createFrom(source: any = {}) {
	        return new Contribution(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.member_id = source["member_id"];
	        this.kind = source["kind"];
	        this.date = source["date"];
	        this.quantity = source["quantity"];
	        this.title = source["title"];
	        this.evidence = source["evidence"];
	        this.status = source["status"];
	        this.override = source["override"];
	        this.override_reason = source["override_reason"];
	        this.event_id = source["event_id"];
	        this.version = source["version"];
	        this.created_at = this.convertValues(source["created_at"], null);
	        this.updated_at = this.convertValues(source["updated_at"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ContributionRow {
	    id: number;
	    member_id: number;
	    kind: string;
	    date: string;
	    quantity: number;
	    title: string;
	    evidence: string;
	    status: string;
	    override?: number;
	    override_reason: string;
	    event_id: number;
	    version: number;
	    // Go type: time
	    created_at: any;
	    // Go type: time
	    updated_at: any;
	    member_name: string;
	    member_phone: string;
	    points: number;
	
	    static createFrom(source: any = {}) {
	        return new ContributionRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.member_id = source["member_id"];
	        this.kind = source["kind"];
	        this.date = source["date"];
	        this.quantity = source["quantity"];
	        this.title = source["title"];
	        this.evidence = source["evidence"];
	        this.status = source["status"];
	        this.override = source["override"];
	        this.override_reason = source["override_reason"];
	        this.event_id = source["event_id"];
	        this.version = source["version"];
	        this.created_at = this.convertValues(source["created_at"], null);
	        this.updated_at = this.convertValues(source["updated_at"], null);
	        this.member_name = source["member_name"];
	        this.member_phone = source["member_phone"];
	        this.points = source["points"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ContributionPage {
	    items: ContributionRow[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new ContributionPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], ContributionRow);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ContributionQuery {
	    year: number;
	    status: string;
	    member_id: number;
	    kind: string;
	    text: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new ContributionQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.status = source["status"];
	        this.member_id = source["member_id"];
	        this.kind = source["kind"];
	        this.text = source["text"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	
	export class Decision {
	    id: number;
	    kind: string;
	    member_id: number;
	    year: number;
	    level: string;
	    group_id: number;
	    reason: string;
	    decided_by: string;
	    // Go type: time
	    decided_at: any;
	    withdrawn: boolean;
	    withdraw_reason: string;
	    version: number;
	    // Go type: time
	    created_at: any;
	    // Go type: time
	    updated_at: any;
	
	    static createFrom(source: any = {}) {
	        return new Decision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.member_id = source["member_id"];
	        this.year = source["year"];
	        this.level = source["level"];
	        this.group_id = source["group_id"];
	        this.reason = source["reason"];
	        this.decided_by = source["decided_by"];
	        this.decided_at = this.convertValues(source["decided_at"], null);
	        this.withdrawn = source["withdrawn"];
	        this.withdraw_reason = source["withdraw_reason"];
	        this.version = source["version"];
	        this.created_at = this.convertValues(source["created_at"], null);
	        this.updated_at = this.convertValues(source["updated_at"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Device {
	    id: string;
	    name: string;
	    role: string;
	    // Go type: time
	    paired_at: any;
	    // Go type: time
	    last_seen: any;
	    address: string;
	    // Go type: time
	    expires_at: any;
	    revoked: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Device(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.role = source["role"];
	        this.paired_at = this.convertValues(source["paired_at"], null);
	        this.last_seen = this.convertValues(source["last_seen"], null);
	        this.address = source["address"];
	        this.expires_at = this.convertValues(source["expires_at"], null);
	        this.revoked = source["revoked"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Error {
	    code: string;
	    reason?: string;
	    message: string;
	    fields?: {[key: string]: string};
	    params?: {[key: string]: string};
	
	    static createFrom(source: any = {}) {
	        return new Error(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.reason = source["reason"];
	        this.message = source["message"];
	        this.fields = source["fields"];
	        this.params = source["params"];
	    }
	}
	export class Talk {
	    member_id: number;
	    title: string;
	    contribution_id: number;
	
	    static createFrom(source: any = {}) {
	        return new Talk(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.member_id = source["member_id"];
	        this.title = source["title"];
	        this.contribution_id = source["contribution_id"];
	    }
	}
	export class Event {
	    id: number;
	    name: string;
	    name_en: string;
	    kind: string;
	    date: string;
	    city: string;
	    group_id: number;
	    attendance: number;
	    organizer_id: number;
	    organizer_contribution_id: number;
	    talks: Talk[];
	    registered: number;
	    checked_in: number;
	    version: number;
	    // Go type: time
	    created_at: any;
	    // Go type: time
	    updated_at: any;
	
	    static createFrom(source: any = {}) {
	        return new Event(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.name_en = source["name_en"];
	        this.kind = source["kind"];
	        this.date = source["date"];
	        this.city = source["city"];
	        this.group_id = source["group_id"];
	        this.attendance = source["attendance"];
	        this.organizer_id = source["organizer_id"];
	        this.organizer_contribution_id = source["organizer_contribution_id"];
	        this.talks = this.convertValues(source["talks"], Talk);
	        this.registered = source["registered"];
	        this.checked_in = source["checked_in"];
	        this.version = source["version"];
	        this.created_at = this.convertValues(source["created_at"], null);
	        this.updated_at = this.convertValues(source["updated_at"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class GroupTerm {
	    year: number;
	    lead_id: number;
	    lead_since: string;
	    report_date: string;
	    report_title: string;
	    report_link: string;
	
	    static createFrom(source: any = {}) {
	        return new GroupTerm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.lead_id = source["lead_id"];
	        this.lead_since = source["lead_since"];
	        this.report_date = source["report_date"];
	        this.report_title = source["report_title"];
	        this.report_link = source["report_link"];
	    }
	}
	export class Group {
	    id: number;
	    committee: string;
	    name: string;
	    name_en: string;
	    city: string;
	    terms: GroupTerm[];
	    version: number;
	    // Go type: time
	    created_at: any;
	    // Go type: time
	    updated_at: any;
	
	    static createFrom(source: any = {}) {
	        return new Group(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.committee = source["committee"];
	        this.name = source["name"];
	        this.name_en = source["name_en"];
	        this.city = source["city"];
	        this.terms = this.convertValues(source["terms"], GroupTerm);
	        this.version = source["version"];
	        this.created_at = this.convertValues(source["created_at"], null);
	        this.updated_at = this.convertValues(source["updated_at"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class HoldingChange {
	    level: string;
	    source: string;
	    // Go type: time
	    at: any;
	    by: string;
	
	    static createFrom(source: any = {}) {
	        return new HoldingChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.level = source["level"];
	        this.source = source["source"];
	        this.at = this.convertValues(source["at"], null);
	        this.by = source["by"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Holding {
	    member_id: number;
	    year: number;
	    level: string;
	    source: string;
	    // Go type: time
	    at: any;
	    by: string;
	    history?: HoldingChange[];
	
	    static createFrom(source: any = {}) {
	        return new Holding(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.member_id = source["member_id"];
	        this.year = source["year"];
	        this.level = source["level"];
	        this.source = source["source"];
	        this.at = this.convertValues(source["at"], null);
	        this.by = source["by"];
	        this.history = this.convertValues(source["history"], HoldingChange);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Member {
	    id: number;
	    name: string;
	    name_latin: string;
	    organization: string;
	    org_category: string;
	    title: string;
	    city: string;
	    phone: string;
	    email: string;
	    wechat: string;
	    address: string;
	    bio: string;
	    notes: string;
	    archived: boolean;
	    version: number;
	    // Go type: time
	    created_at: any;
	    // Go type: time
	    updated_at: any;
	
	    static createFrom(source: any = {}) {
	        return new Member(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.name_latin = source["name_latin"];
	        this.organization = source["organization"];
	        this.org_category = source["org_category"];
	        this.title = source["title"];
	        this.city = source["city"];
	        this.phone = source["phone"];
	        this.email = source["email"];
	        this.wechat = source["wechat"];
	        this.address = source["address"];
	        this.bio = source["bio"];
	        this.notes = source["notes"];
	        this.archived = source["archived"];
	        this.version = source["version"];
	        this.created_at = this.convertValues(source["created_at"], null);
	        this.updated_at = this.convertValues(source["updated_at"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MemberPage {
	    items: Member[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new MemberPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], Member);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MemberQuery {
	    text: string;
	    archived: boolean;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new MemberQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.archived = source["archived"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class MergeConflict {
	    bundle: string;
	    chapter: string;
	    kind: string;
	    source_id: string;
	    reason: string;
	    field: string;
	    incoming: string;
	    existing: string;
	    existing_id: string;
	
	    static createFrom(source: any = {}) {
	        return new MergeConflict(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.bundle = source["bundle"];
	        this.chapter = source["chapter"];
	        this.kind = source["kind"];
	        this.source_id = source["source_id"];
	        this.reason = source["reason"];
	        this.field = source["field"];
	        this.incoming = source["incoming"];
	        this.existing = source["existing"];
	        this.existing_id = source["existing_id"];
	    }
	}
	export class MergeCount {
	    kind: string;
	    added: number;
	    updated: number;
	    unchanged: number;
	    held_back: number;
	    deleted: number;
	
	    static createFrom(source: any = {}) {
	        return new MergeCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.added = source["added"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.held_back = source["held_back"];
	        this.deleted = source["deleted"];
	    }
	}
	export class MergeResult {
	    bundle: string;
	    chapter: BundleChapter;
	    kind: string;
	    fingerprint: string;
	    new_chapter: boolean;
	    key_changed: boolean;
	    linked: number;
	    counts: MergeCount[];
	    conflicts: MergeConflict[];
	    changed: boolean;
	
	    static createFrom(source: any = {}) {
	        return new MergeResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.bundle = source["bundle"];
	        this.chapter = this.convertValues(source["chapter"], BundleChapter);
	        this.kind = source["kind"];
	        this.fingerprint = source["fingerprint"];
	        this.new_chapter = source["new_chapter"];
	        this.key_changed = source["key_changed"];
	        this.linked = source["linked"];
	        this.counts = this.convertValues(source["counts"], MergeCount);
	        this.conflicts = this.convertValues(source["conflicts"], MergeConflict);
	        this.changed = source["changed"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MergedChapter {
	    chapter: BundleChapter;
	    public_key: string;
	    fingerprint: string;
	    first_merged: string;
	
	    static createFrom(source: any = {}) {
	        return new MergedChapter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.chapter = this.convertValues(source["chapter"], BundleChapter);
	        this.public_key = source["public_key"];
	        this.fingerprint = source["fingerprint"];
	        this.first_merged = source["first_merged"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PushedTable {
	    table: string;
	    rows: number;
	    changed: number;
	    deleted: number;
	
	    static createFrom(source: any = {}) {
	        return new PushedTable(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.table = source["table"];
	        this.rows = source["rows"];
	        this.changed = source["changed"];
	        this.deleted = source["deleted"];
	    }
	}
	export class PushSummary {
	    target: string;
	    tables: PushedTable[];
	
	    static createFrom(source: any = {}) {
	        return new PushSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.target = source["target"];
	        this.tables = this.convertValues(source["tables"], PushedTable);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class RenewalAmendment {
	    entries: RenewalEntry[];
	    // Go type: time
	    confirmed_at: any;
	    confirmed_by: string;
	
	    static createFrom(source: any = {}) {
	        return new RenewalAmendment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.entries = this.convertValues(source["entries"], RenewalEntry);
	        this.confirmed_at = this.convertValues(source["confirmed_at"], null);
	        this.confirmed_by = source["confirmed_by"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RenewalEntry {
	    member_id: number;
	    name: string;
	    phone: string;
	    city: string;
	    points: number;
	    from: string;
	    to: string;
	    outcome: string;
	    was?: string;
	    reason: ReasonRow;
	
	    static createFrom(source: any = {}) {
	        return new RenewalEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.member_id = source["member_id"];
	        this.name = source["name"];
	        this.phone = source["phone"];
	        this.city = source["city"];
	        this.points = source["points"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.outcome = source["outcome"];
	        this.was = source["was"];
	        this.reason = this.convertValues(source["reason"], ReasonRow);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Renewal {
	    year: number;
	    entries: RenewalEntry[];
	    counts: {[key: string]: number};
	    confirmed: boolean;
	    // Go type: time
	    confirmed_at: any;
	    confirmed_by: string;
	    pending: RenewalEntry[];
	    amendments: RenewalAmendment[];
	    blocked: ReasonRow;
	
	    static createFrom(source: any = {}) {
	        return new Renewal(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.entries = this.convertValues(source["entries"], RenewalEntry);
	        this.counts = source["counts"];
	        this.confirmed = source["confirmed"];
	        this.confirmed_at = this.convertValues(source["confirmed_at"], null);
	        this.confirmed_by = source["confirmed_by"];
	        this.pending = this.convertValues(source["pending"], RenewalEntry);
	        this.amendments = this.convertValues(source["amendments"], RenewalAmendment);
	        this.blocked = this.convertValues(source["blocked"], ReasonRow);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Settings {
	    language: string;
	    operator: string;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.language = source["language"];
	        this.operator = source["operator"];
	        this.version = source["version"];
	    }
	}
	export class ShowcasePerson {
	    name: string;
	    name_latin: string;
	    level: string;
	    city: string;
	    organization: string;
	    bio: string;
	
	    static createFrom(source: any = {}) {
	        return new ShowcasePerson(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.name_latin = source["name_latin"];
	        this.level = source["level"];
	        this.city = source["city"];
	        this.organization = source["organization"];
	        this.bio = source["bio"];
	    }
	}
	export class ShowcaseCity {
	    city: string;
	    count: number;
	    people: ShowcasePerson[];
	
	    static createFrom(source: any = {}) {
	        return new ShowcaseCity(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.city = source["city"];
	        this.count = source["count"];
	        this.people = this.convertValues(source["people"], ShowcasePerson);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ShowcaseLevel {
	    level: string;
	    label_zh: string;
	    label_en: string;
	    count: number;
	    cities: ShowcaseCity[];
	
	    static createFrom(source: any = {}) {
	        return new ShowcaseLevel(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.level = source["level"];
	        this.label_zh = source["label_zh"];
	        this.label_en = source["label_en"];
	        this.count = source["count"];
	        this.cities = this.convertValues(source["cities"], ShowcaseCity);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ShowcaseChapter {
	    name_zh: string;
	    name_en: string;
	
	    static createFrom(source: any = {}) {
	        return new ShowcaseChapter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name_zh = source["name_zh"];
	        this.name_en = source["name_en"];
	    }
	}
	export class Showcase {
	    format: string;
	    version: number;
	    chapter: ShowcaseChapter;
	    year: number;
	    generated_on: string;
	    total: number;
	    levels: ShowcaseLevel[];
	
	    static createFrom(source: any = {}) {
	        return new Showcase(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.format = source["format"];
	        this.version = source["version"];
	        this.chapter = this.convertValues(source["chapter"], ShowcaseChapter);
	        this.year = source["year"];
	        this.generated_on = source["generated_on"];
	        this.total = source["total"];
	        this.levels = this.convertValues(source["levels"], ShowcaseLevel);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	
	
	export class Trophy {
	    batch_id: string;
	    member_id: number;
	    name: string;
	    level: string;
	    engraving: string;
	    city: string;
	    phone: string;
	    address: string;
	    status: string;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new Trophy(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.batch_id = source["batch_id"];
	        this.member_id = source["member_id"];
	        this.name = source["name"];
	        this.level = source["level"];
	        this.engraving = source["engraving"];
	        this.city = source["city"];
	        this.phone = source["phone"];
	        this.address = source["address"];
	        this.status = source["status"];
	        this.version = source["version"];
	    }
	}
	export class WalkIn {
	    name: string;
	    name_latin: string;
	    phone: string;
	
	    static createFrom(source: any = {}) {
	        return new WalkIn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.name_latin = source["name_latin"];
	        this.phone = source["phone"];
	    }
	}

}

export namespace rules {
	
	export class KindRule {
	    key: string;
	    label_zh: string;
	    label_en: string;
	    points: number;
	    unit: number;
	
	    static createFrom(source: any = {}) {
	        return new KindRule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label_zh = source["label_zh"];
	        this.label_en = source["label_en"];
	        this.points = source["points"];
	        this.unit = source["unit"];
	    }
	}
	export class YearRules {
	    year: number;
	    kinds: KindRule[];
	    ace_threshold: number;
	    partner_threshold: number;
	
	    static createFrom(source: any = {}) {
	        return new YearRules(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.kinds = this.convertValues(source["kinds"], KindRule);
	        this.ace_threshold = source["ace_threshold"];
	        this.partner_threshold = source["partner_threshold"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace service {
	
	export class BenefitRow {
	    member_id: number;
	    name: string;
	    name_latin: string;
	    level: string;
	    city: string;
	    organization: string;
	    title: string;
	    phone: string;
	    email: string;
	
	    static createFrom(source: any = {}) {
	        return new BenefitRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.member_id = source["member_id"];
	        this.name = source["name"];
	        this.name_latin = source["name_latin"];
	        this.level = source["level"];
	        this.city = source["city"];
	        this.organization = source["organization"];
	        this.title = source["title"];
	        this.phone = source["phone"];
	        this.email = source["email"];
	    }
	}
	export class BundleUpload {
	    name: string;
	    data: number[];
	
	    static createFrom(source: any = {}) {
	        return new BundleUpload(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.data = source["data"];
	    }
	}
	export class GroupDuty {
	    group_id: number;
	    group: string;
	    committee: app.Committee;
	    duty: string;
	    lead: string;
	
	    static createFrom(source: any = {}) {
	        return new GroupDuty(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.group_id = source["group_id"];
	        this.group = source["group"];
	        this.committee = this.convertValues(source["committee"], app.Committee);
	        this.duty = source["duty"];
	        this.lead = source["lead"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class NearMember {
	    member_id: number;
	    name: string;
	    city: string;
	    points: number;
	    next: string;
	    to_next: number;
	
	    static createFrom(source: any = {}) {
	        return new NearMember(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.member_id = source["member_id"];
	        this.name = source["name"];
	        this.city = source["city"];
	        this.points = source["points"];
	        this.next = source["next"];
	        this.to_next = source["to_next"];
	    }
	}
	export class LevelCount {
	    key: string;
	    partner: number;
	    ace: number;
	    director: number;
	
	    static createFrom(source: any = {}) {
	        return new LevelCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.partner = source["partner"];
	        this.ace = source["ace"];
	        this.director = source["director"];
	    }
	}
	export class Dashboard {
	    year: number;
	    members: number;
	    levels: LevelCount;
	    pending: number;
	    points_by_month: number[];
	    levels_by_city: LevelCount[];
	    levels_by_category: LevelCount[];
	    near_threshold: NearMember[];
	    near_count: number;
	    duties: GroupDuty[];
	
	    static createFrom(source: any = {}) {
	        return new Dashboard(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.members = source["members"];
	        this.levels = this.convertValues(source["levels"], LevelCount);
	        this.pending = source["pending"];
	        this.points_by_month = source["points_by_month"];
	        this.levels_by_city = this.convertValues(source["levels_by_city"], LevelCount);
	        this.levels_by_category = this.convertValues(source["levels_by_category"], LevelCount);
	        this.near_threshold = this.convertValues(source["near_threshold"], NearMember);
	        this.near_count = source["near_count"];
	        this.duties = this.convertValues(source["duties"], GroupDuty);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ExportOptions {
	    format: string;
	    year: number;
	
	    static createFrom(source: any = {}) {
	        return new ExportOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.format = source["format"];
	        this.year = source["year"];
	    }
	}
	export class FileResult {
	    name: string;
	    data: number[];
	
	    static createFrom(source: any = {}) {
	        return new FileResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.data = source["data"];
	    }
	}
	
	export class HolderRow {
	    member_id: number;
	    year: number;
	    level: string;
	    source: string;
	    // Go type: time
	    at: any;
	    by: string;
	    history?: app.HoldingChange[];
	    name: string;
	    name_latin: string;
	    phone: string;
	    city: string;
	
	    static createFrom(source: any = {}) {
	        return new HolderRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.member_id = source["member_id"];
	        this.year = source["year"];
	        this.level = source["level"];
	        this.source = source["source"];
	        this.at = this.convertValues(source["at"], null);
	        this.by = source["by"];
	        this.history = this.convertValues(source["history"], app.HoldingChange);
	        this.name = source["name"];
	        this.name_latin = source["name_latin"];
	        this.phone = source["phone"];
	        this.city = source["city"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportRow {
	    row: number;
	    outcome: string;
	    member_id: number;
	    name: string;
	    changes?: string[];
	    contribution?: app.ContributionRow;
	    reason?: string;
	    message?: string;
	    params?: {[key: string]: string};
	    fields?: {[key: string]: string};
	
	    static createFrom(source: any = {}) {
	        return new ImportRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.outcome = source["outcome"];
	        this.member_id = source["member_id"];
	        this.name = source["name"];
	        this.changes = source["changes"];
	        this.contribution = this.convertValues(source["contribution"], app.ContributionRow);
	        this.reason = source["reason"];
	        this.message = source["message"];
	        this.params = source["params"];
	        this.fields = source["fields"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportReport {
	    file: string;
	    columns: string[];
	    rows: ImportRow[];
	    new: number;
	    updated: number;
	    unchanged: number;
	    errors: number;
	    applied: boolean;
	    backup?: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.columns = source["columns"];
	        this.rows = this.convertValues(source["rows"], ImportRow);
	        this.new = source["new"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.errors = source["errors"];
	        this.applied = source["applied"];
	        this.backup = source["backup"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class IssuedCertificate {
	    issued: boolean;
	    revoked: boolean;
	    revoked_reason: string;
	    chapter: string;
	
	    static createFrom(source: any = {}) {
	        return new IssuedCertificate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.issued = source["issued"];
	        this.revoked = source["revoked"];
	        this.revoked_reason = source["revoked_reason"];
	        this.chapter = source["chapter"];
	    }
	}
	export class JobStatus {
	    id: string;
	    state: string;
	    done: number;
	    total: number;
	    file: string;
	    error?: app.Error;
	
	    static createFrom(source: any = {}) {
	        return new JobStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.state = source["state"];
	        this.done = source["done"];
	        this.total = source["total"];
	        this.file = source["file"];
	        this.error = this.convertValues(source["error"], app.Error);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class KeyInfo {
	    key_id: string;
	    public_key: string;
	    fingerprint: string;
	    // Go type: time
	    created_at: any;
	
	    static createFrom(source: any = {}) {
	        return new KeyInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key_id = source["key_id"];
	        this.public_key = source["public_key"];
	        this.fingerprint = source["fingerprint"];
	        this.created_at = this.convertValues(source["created_at"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class MergeOutcome {
	    file: string;
	    result?: app.MergeResult;
	    error?: app.Error;
	
	    static createFrom(source: any = {}) {
	        return new MergeOutcome(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.result = this.convertValues(source["result"], app.MergeResult);
	        this.error = this.convertValues(source["error"], app.Error);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class PushTarget {
	    dsn: string;
	    password: string;
	    year: number;
	
	    static createFrom(source: any = {}) {
	        return new PushTarget(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dsn = source["dsn"];
	        this.password = source["password"];
	        this.year = source["year"];
	    }
	}
	export class Signer {
	    chapter: string;
	    fingerprint: string;
	
	    static createFrom(source: any = {}) {
	        return new Signer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.chapter = source["chapter"];
	        this.fingerprint = source["fingerprint"];
	    }
	}
	export class Speaker {
	    member_id: number;
	    name: string;
	    title: string;
	
	    static createFrom(source: any = {}) {
	        return new Speaker(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.member_id = source["member_id"];
	        this.name = source["name"];
	        this.title = source["title"];
	    }
	}
	export class TrackRow {
	    track: string;
	    level: string;
	    code: string;
	    params: {[key: string]: string};
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new TrackRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.track = source["track"];
	        this.level = source["level"];
	        this.code = source["code"];
	        this.params = source["params"];
	        this.text = source["text"];
	    }
	}
	export class StandingRow {
	    member_id: number;
	    name: string;
	    phone: string;
	    city: string;
	    year: number;
	    points: number;
	    points_by_kind: {[key: string]: number};
	    level: string;
	    next: string;
	    to_next: number;
	    tracks: TrackRow[];
	    reasons: string[];
	    held: string;
	    near: boolean;
	
	    static createFrom(source: any = {}) {
	        return new StandingRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.member_id = source["member_id"];
	        this.name = source["name"];
	        this.phone = source["phone"];
	        this.city = source["city"];
	        this.year = source["year"];
	        this.points = source["points"];
	        this.points_by_kind = source["points_by_kind"];
	        this.level = source["level"];
	        this.next = source["next"];
	        this.to_next = source["to_next"];
	        this.tracks = this.convertValues(source["tracks"], TrackRow);
	        this.reasons = source["reasons"];
	        this.held = source["held"];
	        this.near = source["near"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SystemInfo {
	    version: string;
	    db_path: string;
	    schema_version: number;
	    members: number;
	    log_path: string;
	
	    static createFrom(source: any = {}) {
	        return new SystemInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.db_path = source["db_path"];
	        this.schema_version = source["schema_version"];
	        this.members = source["members"];
	        this.log_path = source["log_path"];
	    }
	}
	
	export class Verification {
	    status: string;
	    claims?: app.Claims;
	    reason: string;
	    revoked_reason?: string;
	    signer?: Signer;
	    source?: string;
	
	    static createFrom(source: any = {}) {
	        return new Verification(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.claims = this.convertValues(source["claims"], app.Claims);
	        this.reason = source["reason"];
	        this.revoked_reason = source["revoked_reason"];
	        this.signer = this.convertValues(source["signer"], Signer);
	        this.source = source["source"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace web {
	
	export class LanOptions {
	    listen: string;
	    tls: boolean;
	
	    static createFrom(source: any = {}) {
	        return new LanOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.listen = source["listen"];
	        this.tls = source["tls"];
	    }
	}
	export class LanStatus {
	    on: boolean;
	    listen: string;
	    urls: string[];
	    tls: boolean;
	    fingerprint: string;
	    pair_url: string;
	    qr_png: string;
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new LanStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.on = source["on"];
	        this.listen = source["listen"];
	        this.urls = source["urls"];
	        this.tls = source["tls"];
	        this.fingerprint = source["fingerprint"];
	        this.pair_url = source["pair_url"];
	        this.qr_png = source["qr_png"];
	        this.error = source["error"];
	    }
	}
	export class PairingCode {
	    code: string;
	    role: string;
	    // Go type: time
	    expires_at: any;
	    pair_url: string;
	    qr_png: string;
	
	    static createFrom(source: any = {}) {
	        return new PairingCode(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.role = source["role"];
	        this.expires_at = this.convertValues(source["expires_at"], null);
	        this.pair_url = source["pair_url"];
	        this.qr_png = source["qr_png"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

