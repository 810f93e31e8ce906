import { MigrationInterface, QueryRunner } from 'typeorm';

/** Bulk enrollment no longer pays a per-row check against launches (see EnrollmentEntity). */
export class EnrollmentsWithoutLaunchForeignKey1795348900000 implements MigrationInterface {
  name = 'EnrollmentsWithoutLaunchForeignKey1795348900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enrollments" DROP CONSTRAINT "enrollments_launch_id_fkey"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_launch_id_fkey" FOREIGN KEY ("launch_id") REFERENCES "launches"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }
}
