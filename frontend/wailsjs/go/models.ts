export namespace app {
	
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
	export class GroupDuty {
	    group_id: number;
	    group: string;
	    committee: string;
	    duty: string;
	    lead: string;
	
	    static createFrom(source: any = {}) {
	        return new GroupDuty(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.group_id = source["group_id"];
	        this.group = source["group"];
	        this.committee = source["committee"];
	        this.duty = source["duty"];
	        this.lead = source["lead"];
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
	
	export class ImportRow {
	    row: number;
	    outcome: string;
	    member_id: number;
	    name: string;
	    changes?: string[];
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
	        this.reason = source["reason"];
	        this.message = source["message"];
	        this.params = source["params"];
	        this.fields = source["fields"];
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
	
	    static createFrom(source: any = {}) {
	        return new SystemInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.db_path = source["db_path"];
	        this.schema_version = source["schema_version"];
	        this.members = source["members"];
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

