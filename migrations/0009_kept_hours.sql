CREATE TABLE `event_hours` (
	`event_id` integer NOT NULL,
	`code` text NOT NULL,
	`volunteer_id` integer,
	`org` text,
	`minutes` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`volunteer_id`) REFERENCES `volunteers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_hours_pk` ON `event_hours` (`event_id`,`code`);