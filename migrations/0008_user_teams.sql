-- Teams for the book-of-business policy (src/crm/access): with CRM_BOOK_POLICY=team a producer
-- works the leads of everyone on their team. A free-text name is enough: agencies have a
-- handful of teams and no attributes to keep on them. Null: on no team (the user's own book).
ALTER TABLE "users" ADD COLUMN "team" text;
CREATE INDEX "users_team_idx" ON "users" USING btree ("team") WHERE "team" IS NOT NULL;
