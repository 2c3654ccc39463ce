ALTER TABLE `organizations` ADD `doj_recognized` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `organizations` ADD `recognized_until` text;--> statement-breakpoint
ALTER TABLE `organizations` ADD `county` text;