export { Signer } from './signer';
export { SigningModule } from './signing.module';
