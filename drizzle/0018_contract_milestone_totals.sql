CREATE TABLE "contract_milestone_totals" (
	"contract_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"sums" json NOT NULL,
	"refreshed_in" bigint NOT NULL,
	CONSTRAINT "contract_milestone_totals_pk" PRIMARY KEY("contract_id","organization_id","contractor_id")
);
--> statement-breakpoint
ALTER TABLE "contract_milestone_totals" ADD CONSTRAINT "contract_milestone_totals_contract_fk" FOREIGN KEY ("contract_id","organization_id","contractor_id") REFERENCES "public"."contracts"("id","organization_id","contractor_id") ON DELETE cascade ON UPDATE no action;